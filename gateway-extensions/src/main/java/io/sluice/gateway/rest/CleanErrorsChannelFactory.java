package io.sluice.gateway.rest;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.io.network.netty.InboundChannelHandlerFactory;
import org.apache.flink.runtime.rest.handler.util.HandlerUtils;
import org.apache.flink.runtime.rest.messages.ErrorResponseBody;

import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandler;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandlerContext;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpRequest;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpServerCodec;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.QueryStringDecoder;
import org.apache.flink.shaded.netty4.io.netty.util.ReferenceCountUtil;

import java.util.Map;
import java.util.Optional;

/**
 * Puts {@link CleanErrorResponses} into the pipeline of every connection to a sluice endpoint, right after the
 * HTTP codec, so that it also sees the answers written before any route is found (Netty's 413 for an oversized
 * body), and refuses URLs that cannot be decoded. Flink's {@code RestServerEndpoint} finds this factory through the {@code ServiceLoader} and asks it for
 * every REST endpoint in the JVM (the cluster's own, Flink's plain SQL gateway endpoint); it acts only on the
 * configuration the sluice endpoint marked.
 */
public final class CleanErrorsChannelFactory implements InboundChannelHandlerFactory {

    private static final ConfigOption<Boolean> SLUICE_ENDPOINT =
            ConfigOptions.key("sluice.internal.clean-error-responses")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription("Set by the sluice endpoint on its own REST configuration; not a user setting.");

    private static final String NAME = "sluice-clean-error-responses";

    /** The sluice endpoint's REST configuration, marked so that its connections get clean error answers. */
    static Configuration markedForCleanErrors(Configuration restConfiguration) {
        Configuration marked = new Configuration(restConfiguration);
        marked.set(SLUICE_ENDPOINT, true);
        return marked;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<ChannelHandler> createHandler(Configuration configuration, Map<String, String> responseHeaders) {
        if (!configuration.get(SLUICE_ENDPOINT)) {
            return Optional.empty();
        }
        return Optional.of(new EntryCheck(configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH), responseHeaders));
    }

    /**
     * The endpoint's own first handler on a connection. Flink adds factory handlers after its body aggregator: this
     * one puts the net in front of the aggregator, and refuses a URL that cannot be decoded (Flink's router would
     * fail on it, and its pipeline answer with a 500).
     */
    private static final class EntryCheck extends ChannelInboundHandlerAdapter {

        private final long maxContentLength;
        private final Map<String, String> responseHeaders;

        EntryCheck(long maxContentLength, Map<String, String> responseHeaders) {
            this.maxContentLength = maxContentLength;
            this.responseHeaders = responseHeaders;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ChannelHandlerContext codec = ctx.pipeline().context(HttpServerCodec.class);
            if (codec != null && ctx.pipeline().get(NAME) == null) {
                ctx.pipeline().addAfter(codec.name(), NAME, new CleanErrorResponses(maxContentLength));
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                try {
                    QueryStringDecoder url = new QueryStringDecoder(request.uri());
                    url.path();
                    url.parameters();
                } catch (IllegalArgumentException undecodable) {
                    String reason = String.valueOf(undecodable.getMessage());
                    HandlerUtils.sendErrorResponse(
                            ctx, request,
                            new ErrorResponseBody(
                                    "The URL is not valid: "
                                            + (reason.length() > 160 ? reason.substring(0, 160) + " …" : reason)),
                            HttpResponseStatus.BAD_REQUEST, responseHeaders);
                    ReferenceCountUtil.release(msg);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
