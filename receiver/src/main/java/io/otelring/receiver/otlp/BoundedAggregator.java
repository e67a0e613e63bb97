package io.otelring.receiver.otlp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Reads a request body whole, up to {@code max_request_body_size} bytes as sent (compressed or
 * not). A larger request is not answered here, as Netty's aggregator would, with an empty 413: its
 * head is handed on as {@link Oversized} so that the exchange handler answers it in turn, with the
 * body and headers every other answer has. The rest of its body is discarded as it arrives.
 */
final class BoundedAggregator extends HttpObjectAggregator {

  /** A request whose body is over the limit; its head only, the body is never kept. */
  record Oversized(HttpRequest head) {}

  BoundedAggregator(int maxContentLength) {
    super(maxContentLength, true);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest request)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    // The aggregator releases the message after this call: keep a copy of the head.
    HttpRequest head =
        new DefaultHttpRequest(
            request.protocolVersion(), request.method(), request.uri(), request.headers().copy());
    ctx.fireChannelRead(new Oversized(head));
  }
}
