package io.sluice.gateway.rest;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.netty4.io.netty.buffer.ByteBuf;
import org.apache.flink.shaded.netty4.io.netty.buffer.Unpooled;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandlerContext;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelOutboundHandlerAdapter;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelPromise;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.DefaultFullHttpResponse;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.FullHttpResponse;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpContent;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpHeaders;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponse;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.LastHttpContent;
import org.apache.flink.shaded.netty4.io.netty.util.ReferenceCountUtil;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last net before the wire of a sluice endpoint's connection: no error answer leaves it with a server stack
 * trace or without a JSON message.
 *
 * <p>The gateway words the errors it knows of itself ({@link RequestFormat}, {@link ClientFacingService}); this
 * catches what Flink's own REST stack still sends: a handler's unexpected exception ({@code "Internal server
 * error."} plus {@code "<Exception on server side: … at org.apache…>"}), a {@code RestHandlerException} printed with
 * its frames, and Netty's bare 413 for an oversized body. Error bodies keep their status; each message keeps its
 * lines before the first stack frame, without the exception's class name. Successful answers pass untouched.
 */
final class CleanErrorResponses extends ChannelOutboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CleanErrorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FRAME = Pattern.compile("(?m)^\\s*(at [\\w$.<>/]+\\(|Caused by: |\\.\\.\\. \\d+ more)");
    private static final Pattern CLASS_NAME =
            Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)(?::\\s*|$)");
    private static final String SERVER_SIDE = "<Exception on server side";
    private static final String FLINK_INTERNAL = "Internal server error.";

    private final long maxContentLength;

    /** An error answer's head, held until its body is complete; null while nothing is held. */
    private HttpResponse held;
    private ChannelPromise heldPromise;
    private ByteBuf heldBody;

    CleanErrorResponses(long maxContentLength) {
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (held != null) {
            holdBody(ctx, msg, promise);
        } else if (msg instanceof HttpResponse response && response.status().code() >= 400) {
            if (msg instanceof FullHttpResponse full) {
                writeWhole(ctx, full, promise);
            } else {
                held = response;
                heldPromise = promise;
                heldBody = ctx.alloc().buffer();
            }
        } else {
            ctx.write(msg, promise);
        }
    }

    /** Flink writes an answer as head, body buffer and an empty last content. */
    private void holdBody(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ByteBuf part = msg instanceof ByteBuf buffer ? buffer : msg instanceof HttpContent content ? content.content() : null;
        if (part == null) {
            // not a body part: let what was held go as it was, then this
            writeHeld(ctx, heldBody, ctx.newPromise());
            ctx.write(msg, promise);
            return;
        }
        heldBody.writeBytes(part);
        boolean last = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        if (!last) {
            promise.setSuccess();
            return;
        }
        String body = heldBody.toString(StandardCharsets.UTF_8);
        byte[] cleaned = cleaned(held.status(), body);
        if (cleaned == null) {
            writeHeld(ctx, heldBody, promise);
        } else {
            heldBody.release();
            setJsonBody(held.headers(), cleaned.length);
            writeHeld(ctx, Unpooled.wrappedBuffer(cleaned), promise);
        }
    }

    private void writeHeld(ChannelHandlerContext ctx, ByteBuf body, ChannelPromise lastPromise) {
        HttpResponse head = held;
        ChannelPromise headPromise = heldPromise;
        held = null;
        heldPromise = null;
        heldBody = null;
        ctx.write(head, headPromise);
        ctx.write(body);
        ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, lastPromise);
    }

    private void writeWhole(ChannelHandlerContext ctx, FullHttpResponse full, ChannelPromise promise) {
        byte[] cleaned = cleaned(full.status(), full.content().toString(StandardCharsets.UTF_8));
        if (cleaned == null) {
            ctx.write(full, promise);
            return;
        }
        // Netty's 413 is a shared constant: copy its headers rather than change them
        FullHttpResponse replaced =
                new DefaultFullHttpResponse(
                        full.protocolVersion(), full.status(), Unpooled.wrappedBuffer(cleaned), full.headers().copy(),
                        full.trailingHeaders().copy());
        setJsonBody(replaced.headers(), cleaned.length);
        full.release();
        ctx.write(replaced, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (heldBody != null) {
            heldBody.release();
            heldBody = null;
        }
    }

    private static void setJsonBody(HttpHeaders headers, int length) {
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
    }

    /** @return the cleaned body, or null when the body is clean already */
    private byte[] cleaned(HttpResponseStatus status, String body) {
        JsonNode errors;
        try {
            errors = body.isBlank() ? null : JSON.readTree(body).get("errors");
        } catch (IOException notJson) {
            errors = null;
        }
        if (errors == null || !errors.isArray()) {
            return json(List.of(fallback(status)));
        }
        boolean traced = false;
        List<String> kept = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = error.asText();
            String clean = withoutTrace(message);
            traced |= !clean.equals(message);
            if (!clean.isEmpty() && !clean.equals(FLINK_INTERNAL)) {
                kept.add(clean);
            }
        }
        if (!traced) {
            return null;
        }
        LOG.warn("Cut a server stack trace out of an HTTP {} answer (the exception is in the log above)", status.code());
        return json(kept.isEmpty() ? List.of(fallback(status)) : kept);
    }

    private static String withoutTrace(String message) {
        if (message.startsWith(SERVER_SIDE)) {
            return "";
        }
        Matcher frame = FRAME.matcher(message);
        if (!frame.find()) {
            return message;
        }
        return CLASS_NAME.matcher(message.substring(0, frame.start()).strip()).replaceFirst("").strip();
    }

    private String fallback(HttpResponseStatus status) {
        if (status.code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            return "The request is larger than this gateway accepts (" + maxContentLength + " bytes): send a "
                    + "shorter statement.";
        }
        if (status.code() >= 500) {
            return "The gateway failed on this request (an internal error, in its log). Try again, or tell the "
                    + "platform team if it persists.";
        }
        return status.reasonPhrase() + ".";
    }

    private static byte[] json(List<String> messages) {
        try {
            return JSON.writeValueAsBytes(Map.of("errors", messages));
        } catch (IOException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }
}
