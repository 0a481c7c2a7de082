package io.sluice.gateway.rest;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.auth.RequestCredentials;
import io.sluice.gateway.errors.ClientError;

import org.apache.flink.runtime.rest.handler.RestHandlerSpecification;
import org.apache.flink.runtime.rest.handler.router.RoutedRequest;
import org.apache.flink.runtime.rest.handler.util.HandlerUtils;
import org.apache.flink.runtime.rest.messages.ErrorResponseBody;
import org.apache.flink.runtime.rest.messages.UntypedResponseMessageHeaders;
import org.apache.flink.util.AutoCloseableAsync;

import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandler;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelHandlerContext;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelInboundHandler;
import org.apache.flink.shaded.netty4.io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpHeaderNames;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpRequest;
import org.apache.flink.shaded.netty4.io.netty.util.ReferenceCountUtil;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sits in front of one of Flink's REST handlers. It hands the request's {@code Authorization} header to the
 * governed service (Flink's handlers drop headers) for the duration of the handler call, which runs on this
 * Netty thread; a route that would bypass the governed service is answered with a refusal instead, and a request
 * the handler could not read (malformed JSON, a handle that is no UUID) with what is wrong in it.
 */
@ChannelHandler.Sharable
final class GovernedRouteHandler extends ChannelInboundHandlerAdapter implements AutoCloseableAsync {

    private final ChannelInboundHandler delegate;
    private final ClientError refusal;
    /** null for routes that are not Flink message routes (none today) */
    private final RequestFormat format;
    private final Map<String, String> responseHeaders;

    private GovernedRouteHandler(
            RestHandlerSpecification route,
            ChannelInboundHandler delegate,
            ClientError refusal,
            Map<String, String> responseHeaders) {
        this.delegate = delegate;
        this.refusal = refusal;
        this.format =
                route instanceof UntypedResponseMessageHeaders<?, ?> headers ? new RequestFormat(headers) : null;
        this.responseHeaders = responseHeaders;
    }

    static GovernedRouteHandler forwarding(
            RestHandlerSpecification route, ChannelInboundHandler delegate, Map<String, String> responseHeaders) {
        return new GovernedRouteHandler(route, delegate, null, responseHeaders);
    }

    static GovernedRouteHandler refusing(
            RestHandlerSpecification route,
            ChannelInboundHandler delegate,
            ClientError refusal,
            Map<String, String> responseHeaders) {
        return new GovernedRouteHandler(route, delegate, refusal, responseHeaders);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof RoutedRequest)) {
            delegate.channelRead(ctx, msg);
            return;
        }
        RoutedRequest<?> routed = (RoutedRequest<?>) msg;
        HttpRequest request = routed.getRequest();
        Credentials credentials;
        try {
            if (refusal != null) {
                throw refusal;
            }
            credentials =
                    Credentials.fromAuthorizationHeader(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                            .orElse(null);
            ClientError malformed = format == null ? null : format.problemWith(routed);
            if (malformed != null) {
                throw malformed;
            }
        } catch (ClientError error) {
            ReferenceCountUtil.release(msg);
            HandlerUtils.sendErrorResponse(
                    ctx, request, new ErrorResponseBody(error.getMessage()), error.getHttpResponseStatus(),
                    responseHeaders);
            return;
        }
        RequestCredentials.set(credentials);
        try {
            delegate.channelRead(ctx, msg);
        } finally {
            RequestCredentials.clear();
        }
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return delegate instanceof AutoCloseableAsync
                ? ((AutoCloseableAsync) delegate).closeAsync()
                : CompletableFuture.completedFuture(null);
    }
}
