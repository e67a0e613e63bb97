package io.otelring.receiver.otlp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Sets up each accepted connection: with TLS, ALPN picks HTTP/2 or HTTP/1.1; without, HTTP/1.1 that
 * may turn into HTTP/2 by {@code Upgrade: h2c} or by the HTTP/2 preface (prior knowledge). Every
 * HTTP/1.1 connection and every HTTP/2 stream ends in the same aggregator and exchange handler.
 */
final class HttpChannelSetup extends ChannelInitializer<Channel> {

  /** Go's {@code http2.Server} default. */
  private static final int MAX_CONCURRENT_STREAMS = 250;

  /** Go's {@code http.DefaultMaxHeaderBytes}: 1 MiB of request line and headers. */
  private static final int MAX_HEADER_BYTES = 1 << 20;

  private final OtlpHttpService service;
  private final SslContext ssl;
  private final long limit;
  private final Duration idleTimeout;
  private final RequestDeadlines.Timeouts timeouts;
  private final InFlight inFlight;
  private final ChannelGroup channels;
  private final Logger logger;

  HttpChannelSetup(
      OtlpHttpService service,
      SslContext ssl,
      long limit,
      Duration idleTimeout,
      RequestDeadlines.Timeouts timeouts,
      InFlight inFlight,
      ChannelGroup channels,
      Logger logger) {
    this.service = service;
    this.ssl = ssl;
    this.limit = limit;
    this.idleTimeout = idleTimeout;
    this.timeouts = timeouts;
    this.inFlight = inFlight;
    this.channels = channels;
    this.logger = logger;
  }

  @Override
  protected void initChannel(Channel channel) {
    channels.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (!idleTimeout.isZero()) {
      pipeline.addLast(new IdleStateHandler(0, 0, idleTimeout.toNanos(), TimeUnit.NANOSECONDS));
      pipeline.addLast(new IdleCloser());
    }
    if (ssl != null) {
      pipeline.addLast(ssl.newHandler(channel.alloc()));
      pipeline.addLast(new ProtocolNegotiation());
      return;
    }
    RequestDeadlines deadlines = http1Deadlines();
    if (deadlines != null) {
      pipeline.addLast(deadlines.firstBytes());
    }
    HttpServerCodec codec = httpCodec();
    HttpServerUpgradeHandler upgrade =
        new HttpServerUpgradeHandler(
            codec,
            protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                    ? new Http2ServerUpgradeCodec(
                        Http2FrameCodecBuilder.forServer().initialSettings(settings()).build(),
                        streams())
                    : null,
            aggregateLimit());
    pipeline.addLast(new CleartextHttp2ServerUpgradeHandler(codec, upgrade, http2()));
    if (deadlines != null) {
      pipeline.addLast(deadlines);
    }
    pipeline.addLast(new BoundedAggregator(aggregateLimit()));
    pipeline.addLast(exchange(true));
  }

  /** The deadlines of one HTTP/1.1 connection, or null when no timeout is set. */
  private RequestDeadlines http1Deadlines() {
    return timeouts.any() ? RequestDeadlines.http1(timeouts) : null;
  }

  private HttpServerCodec httpCodec() {
    return new HttpServerCodec(MAX_HEADER_BYTES, MAX_HEADER_BYTES, 8192);
  }

  private int aggregateLimit() {
    return (int) Math.min(limit, Integer.MAX_VALUE - 16);
  }

  private HttpExchangeHandler exchange(boolean http1) {
    return new HttpExchangeHandler(service, limit, http1, inFlight, logger);
  }

  private static Http2Settings settings() {
    return Http2Settings.defaultSettings().maxConcurrentStreams(MAX_CONCURRENT_STREAMS);
  }

  /** The HTTP/2 connection handlers, put where the handler this returns is added. */
  private ChannelHandler http2() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        // The multiplexer looks for its codec when it is added: the codec goes in first.
        String codec = ctx.name() + "-h2";
        ctx.pipeline()
            .addAfter(
                ctx.name(),
                codec,
                Http2FrameCodecBuilder.forServer().initialSettings(settings()).build())
            .addAfter(codec, null, streams());
        ctx.pipeline().remove(this);
      }
    };
  }

  /** Each HTTP/2 stream as an HTTP/1-style request, read and answered like one. */
  private Http2MultiplexHandler streams() {
    return new Http2MultiplexHandler(
        new ChannelInitializer<Http2StreamChannel>() {
          @Override
          protected void initChannel(Http2StreamChannel stream) {
            ChannelPipeline pipeline = stream.pipeline();
            pipeline.addLast(new Http2StreamFrameToHttpObjectCodec(true));
            if (timeouts.any()) {
              pipeline.addLast(RequestDeadlines.http2Stream(timeouts));
            }
            pipeline.addLast(new BoundedAggregator(aggregateLimit()), exchange(false));
          }
        });
  }

  /** After the TLS handshake: HTTP/2 or HTTP/1.1, whichever the client and ALPN agreed on. */
  private final class ProtocolNegotiation extends ApplicationProtocolNegotiationHandler {

    ProtocolNegotiation() {
      super(ApplicationProtocolNames.HTTP_1_1);
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        ctx.pipeline().addLast(http2());
      } else {
        ChannelPipeline pipeline = ctx.pipeline();
        RequestDeadlines deadlines = http1Deadlines();
        if (deadlines != null) {
          pipeline.addLast(deadlines.firstBytes(), httpCodec(), deadlines);
        } else {
          pipeline.addLast(httpCodec());
        }
        pipeline.addLast(new BoundedAggregator(aggregateLimit()), exchange(true));
      }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      // A client without a trusted certificate, or one speaking plain text: one line at debug.
      logger.debug(
          "TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  /**
   * {@code idle_timeout}: closes a connection that has neither read nor written for that long while
   * no request on it waits for its answer — Go's idle timeout bounds the wait between requests, not
   * a slow pipeline's answer.
   */
  private static final class IdleCloser extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof IdleStateEvent) {
        AtomicInteger answering =
            ctx.channel().attr(HttpExchangeHandler.CONNECTION_IN_FLIGHT).get();
        if (answering == null || answering.get() == 0) {
          ctx.close();
        }
      } else {
        super.userEventTriggered(ctx, event);
      }
    }
  }
}
