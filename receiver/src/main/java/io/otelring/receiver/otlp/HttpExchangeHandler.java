package io.otelring.receiver.otlp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.otelring.receiver.otlp.BoundedAggregator.Oversized;
import io.otelring.receiver.otlp.RequestDeadlines.ReadTimedOut;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Turns whole requests into answers on one HTTP/1.1 connection or one HTTP/2 stream. Requests of a
 * connection are answered one after the other, in order (HTTP/1.1 pipelining); while one waits for
 * the pipeline the connection is not read, which bounds what a client can queue. The event loop
 * never waits: the answer is written when the pipeline's stage completes.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {

  /** The exchanges in flight on a connection, its HTTP/2 streams' together: for the idle timer. */
  static final AttributeKey<AtomicInteger> CONNECTION_IN_FLIGHT =
      AttributeKey.valueOf("otelring.connectionInFlight");

  private final OtlpHttpService service;
  private final long limit;
  private final boolean http1;
  private final InFlight inFlight;
  private final Logger logger;
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private boolean busy;

  HttpExchangeHandler(
      OtlpHttpService service, long limit, boolean http1, InFlight inFlight, Logger logger) {
    this.service = service;
    this.limit = limit;
    this.http1 = http1;
    this.inFlight = inFlight;
    this.logger = logger;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest || msg instanceof Oversized || msg instanceof ReadTimedOut) {
      waiting.add(msg);
      if (!busy) {
        next(ctx);
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void next(ChannelHandlerContext ctx) {
    Object msg = waiting.poll();
    if (msg == null) {
      if (http1) {
        ctx.channel().config().setAutoRead(true);
      }
      return;
    }
    busy = true;
    if (http1) {
      ctx.channel().config().setAutoRead(false);
    }
    inFlight.begin();
    connectionInFlight(ctx).incrementAndGet();
    if (msg instanceof Oversized oversized) {
      // The connection stays open: the aggregator discards the rest of that body as it arrives.
      // Closing now would reset the connection under a client still sending, and the client
      // would lose the answer.
      write(ctx, oversized.head(), service.answerTooLarge(oversized.head(), limit), false);
      return;
    }
    if (msg instanceof ReadTimedOut late) {
      write(ctx, late.head(), service.answerReadTimedOut(late.head(), late.timeout()), true);
      return;
    }
    FullHttpRequest request = (FullHttpRequest) msg;
    if (request.decoderResult().isFailure()) {
      request.release();
      write(ctx, request, HttpAnswer.text(HttpResponseStatus.BAD_REQUEST, "400 Bad Request"), true);
      return;
    }
    CompletionStage<HttpAnswer> stage;
    try {
      stage = service.answer(request, request.content());
    } catch (RuntimeException e) {
      logger.warn("OTLP/HTTP request failed unexpectedly", e);
      stage = CompletableFuture.completedStage(internalError(e));
    } finally {
      // The body was parsed (or refused) during the call; only the head is used from here on.
      request.release();
    }
    stage.whenComplete(
        (answer, failure) -> {
          HttpAnswer written = failure == null ? answer : internalError(failure);
          if (ctx.executor().inEventLoop()) {
            write(ctx, request, written, false);
          } else {
            ctx.executor().execute(() -> write(ctx, request, written, false));
          }
        });
  }

  private void write(
      ChannelHandlerContext ctx, HttpRequest head, HttpAnswer answer, boolean close) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, answer.status(), Unpooled.wrappedBuffer(answer.body()));
    response.headers().set(answer.headers());
    if (answer.contentType() != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    }
    HttpUtil.setContentLength(response, answer.body().length);
    service.decorate(head, response.headers());
    boolean keepAlive = !http1 || (!close && HttpUtil.isKeepAlive(head));
    if (http1 && !keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http1 && head.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ctx.writeAndFlush(response)
        .addListener(
            written -> {
              inFlight.end();
              connectionInFlight(ctx).decrementAndGet();
              if (!keepAlive) {
                ctx.close();
                return;
              }
              busy = false;
              next(ctx);
            });
  }

  private AtomicInteger connectionInFlight(ChannelHandlerContext ctx) {
    Channel connection = http1 ? ctx.channel() : ctx.channel().parent();
    Attribute<AtomicInteger> count = connection.attr(CONNECTION_IN_FLIGHT);
    count.setIfAbsent(new AtomicInteger());
    return count.get();
  }

  private HttpAnswer internalError(Throwable failure) {
    logger.debug("OTLP/HTTP answer failed", failure);
    return HttpAnswer.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "500 Internal Server Error");
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    waiting.forEach(ReferenceCountUtil::release);
    waiting.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A peer that resets or talks nonsense; nothing the operator can act on.
    logger.debug("OTLP/HTTP connection failed", cause);
    ctx.close();
  }
}
