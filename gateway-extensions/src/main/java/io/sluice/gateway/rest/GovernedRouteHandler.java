package io.sluice.gateway.rest;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.auth.RequestCredentials;
import io.sluice.gateway.errors.ClientError;

import org.apache.flink.runtime.rest.handler.router.RoutedRequest;
import org.apache.flink.runtime.rest.handler.util.HandlerUtils;
import org.apache.flink.runtime.rest.messages.ErrorResponseBody;
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
 * Netty thread; a route that would bypass the governed service is answered with a refusal instead.
 */
@ChannelHandler.Sharable
final class GovernedRouteHandler extends ChannelInboundHandlerAdapter implements AutoCloseableAsync {

    private final ChannelInboundHandler delegate;
    private final ClientError refusal;
    private final Map<String, String> responseHeaders;

    private GovernedRouteHandler(
            ChannelInboundHandler delegate, ClientError refusal, Map<String, String> responseHeaders) {
        this.delegate = delegate;
        this.refusal = refusal;
        this.responseHeaders = responseHeaders;
    }

    static GovernedRouteHandler forwarding(ChannelInboundHandler delegate, Map<String, String> responseHeaders) {
        return new GovernedRouteHandler(delegate, null, responseHeaders);
    }

    static GovernedRouteHandler refusing(
            ChannelInboundHandler delegate, ClientError refusal, Map<String, String> responseHeaders) {
        return new GovernedRouteHandler(delegate, refusal, responseHeaders);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof RoutedRequest)) {
            delegate.channelRead(ctx, msg);
            return;
        }
        HttpRequest request = ((RoutedRequest<?>) msg).getRequest();
        Credentials credentials;
        try {
            if (refusal != null) {
                throw refusal;
            }
            credentials =
                    Credentials.fromAuthorizationHeader(request.headers().get(HttpHeaderNames.AUTHORIZATION))
                            .orElse(null);
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
