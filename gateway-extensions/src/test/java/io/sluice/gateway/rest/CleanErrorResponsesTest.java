package io.sluice.gateway.rest;

import org.apache.flink.runtime.rest.handler.RestHandlerException;
import org.apache.flink.runtime.rest.handler.util.HandlerUtils;
import org.apache.flink.runtime.rest.messages.ErrorResponseBody;
import org.apache.flink.util.ExceptionUtils;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.netty4.io.netty.buffer.ByteBuf;
import org.apache.flink.shaded.netty4.io.netty.buffer.Unpooled;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandlerContext;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.flink.shaded.netty4.io.netty.channel.embedded.EmbeddedChannel;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.DefaultFullHttpResponse;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpContent;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponse;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpVersion;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.LastHttpContent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error net on a real Netty pipeline: answers written by Flink's own {@code HandlerUtils}, as its handlers write
 * them (head, body, empty last content), and Netty's bare 413.
 */
class CleanErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stands where Flink's handlers stand: after the net, writing through the context. */
    private static final class Writer extends ChannelInboundHandlerAdapter {
        ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }
    }

    private record Written(int status, String contentLength, String body) {}

    @Test
    void anUnexpectedExceptionKeepsItsStatusAndLosesItsTrace() throws Exception {
        String trace =
                String.format(
                        "<Exception on server side:%n%s%nEnd of exception on server side>",
                        ExceptionUtils.stringifyException(new NullPointerException("boom")));
        Written written =
                send(new ErrorResponseBody(Arrays.asList("Internal server error.", trace)),
                        HttpResponseStatus.INTERNAL_SERVER_ERROR);
        assertThat(written.status()).isEqualTo(500);
        assertThat(errors(written)).containsExactly(
                "The gateway failed on this request (an internal error, in its log). Try again, or tell the "
                        + "platform team if it persists.");
        assertThat(written.contentLength()).isEqualTo(String.valueOf(written.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void aRestHandlerExceptionKeepsItsMessageWithoutClassNameOrFrames() throws Exception {
        RestHandlerException rhe =
                new RestHandlerException(
                        "Request did not match expected format ExecuteStatementRequestBody.",
                        HttpResponseStatus.BAD_REQUEST,
                        new IllegalStateException("inner"));
        Written written = send(new ErrorResponseBody(ExceptionUtils.stringifyException(rhe)), HttpResponseStatus.BAD_REQUEST);
        assertThat(written.status()).isEqualTo(400);
        assertThat(errors(written)).containsExactly("Request did not match expected format ExecuteStatementRequestBody.");
    }

    @Test
    void cleanErrorsAndSuccessesPassUntouched() throws Exception {
        String multiLine = "SQL parse failed. Encountered \"FORM\" at line 1, column 10.\nWas expecting one of: …";
        Written error = send(new ErrorResponseBody(multiLine), HttpResponseStatus.BAD_REQUEST);
        assertThat(errors(error)).containsExactly(multiLine);
        Written ok = send(Map.of("sessionHandle", "x"), HttpResponseStatus.OK);
        assertThat(ok.body()).isEqualTo("{\"sessionHandle\":\"x\"}");
    }

    @Test
    void nettysBare413GetsAJsonBody() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new CleanErrorResponses(65536));
        DefaultFullHttpResponse tooLarge =
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.EMPTY_BUFFER);
        tooLarge.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        channel.writeOutbound(tooLarge);
        Written written = read(channel);
        assertThat(written.status()).isEqualTo(413);
        assertThat(errors(written)).containsExactly(
                "The request is larger than this gateway accepts (65536 bytes): send a shorter statement.");
        assertThat(tooLarge.headers().get(HttpHeaderNames.CONTENT_LENGTH)).as("Netty's shared answer").isEqualTo("0");
    }

    /** Writes an answer as Flink's handlers do, through the net, and reads what reaches the wire. */
    private static Written send(Object body, HttpResponseStatus status) throws Exception {
        Writer writer = new Writer();
        EmbeddedChannel channel = new EmbeddedChannel(new CleanErrorResponses(65536), writer);
        if (body instanceof ErrorResponseBody error) {
            HandlerUtils.sendErrorResponse(writer.ctx, true, error, status, Map.of());
        } else {
            HandlerUtils.sendResponse(writer.ctx, true, JSON.writeValueAsString(body), status, Map.of());
        }
        channel.runPendingTasks();
        return read(channel);
    }

    private static Written read(EmbeddedChannel channel) {
        HttpResponse head = null;
        StringBuilder body = new StringBuilder();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            if (message instanceof HttpResponse response) {
                head = response;
            }
            ByteBuf content =
                    message instanceof ByteBuf buffer ? buffer : message instanceof HttpContent part ? part.content() : null;
            if (content != null) {
                body.append(content.toString(StandardCharsets.UTF_8));
            }
            if (message instanceof LastHttpContent && !(message instanceof HttpResponse)) {
                break;
            }
        }
        assertThat(head).isNotNull();
        return new Written(head.status().code(), head.headers().get(HttpHeaderNames.CONTENT_LENGTH), body.toString());
    }

    private static List<String> errors(Written written) throws Exception {
        JsonNode errors = JSON.readTree(written.body()).get("errors");
        assertThat(errors).as(written.body()).isNotNull();
        return java.util.stream.StreamSupport.stream(errors.spliterator(), false).map(JsonNode::asText).toList();
    }
}
