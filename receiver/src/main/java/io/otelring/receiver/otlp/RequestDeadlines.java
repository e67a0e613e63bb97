package io.otelring.receiver.otlp;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Go's {@code http.Server} deadlines for {@code read_header_timeout}, {@code read_timeout} and
 * {@code write_timeout} (all off unless configured, as in the OTLP receiver), counted from the
 * moment reading a request begins: when the connection opens and, on a kept-alive HTTP/1.1
 * connection, when the previous answer is written — or, when an idle timeout applies, when the next
 * request's first bytes arrive (until then the connection may wait that long).
 *
 * <ul>
 *   <li>Headers later than {@code read_header_timeout} ({@code read_timeout} when that is 0): the
 *       connection is closed without an answer, as Go does.
 *   <li>A whole request later than {@code read_timeout}: answered 400 with the reason, and the
 *       connection closed (an HTTP/2 stream is reset with NO_ERROR after the answer).
 *   <li>An answer not written within {@code write_timeout} of the headers' arrival: the connection
 *       is closed (an HTTP/2 stream is reset with INTERNAL_ERROR, as Go's HTTP/2 server does).
 * </ul>
 *
 * On HTTP/2 a stream's headers come in one frame when it opens, so only the last two apply, per
 * stream. One instance serves one HTTP/1.1 connection or one HTTP/2 stream.
 */
final class RequestDeadlines extends ChannelDuplexHandler {

  /** A request whose body did not arrive within {@code read_timeout}: answer 400 and close. */
  record ReadTimedOut(HttpRequest head, Duration timeout) {}

  /** The effective timeouts, zero for off, after Go's fallbacks to {@code read_timeout}. */
  record Timeouts(Duration header, Duration read, Duration write, Duration idle) {

    static Timeouts of(HttpServerConfig config) {
      Duration read = config.readTimeout();
      return new Timeouts(
          config.readHeaderTimeout().isZero() ? read : config.readHeaderTimeout(),
          read,
          config.writeTimeout(),
          config.idleTimeout().isZero() ? read : config.idleTimeout());
    }

    boolean any() {
      return !header.isZero() || !read.isZero() || !write.isZero();
    }
  }

  private final Timeouts timeouts;
  private final boolean http1;
  private ChannelHandlerContext ctx;
  private long readingSince;
  private boolean waitingForBytes;
  private boolean timedOut;
  private HttpRequest head;
  private boolean bodyPending;
  private int unanswered;
  private ScheduledFuture<?> readTimer;
  private ScheduledFuture<?> writeTimer;

  private RequestDeadlines(Timeouts timeouts, boolean http1) {
    this.timeouts = timeouts;
    this.http1 = http1;
  }

  /** For an HTTP/1.1 connection: put {@link #firstBytes()} before the codec and this after it. */
  static RequestDeadlines http1(Timeouts timeouts) {
    return new RequestDeadlines(timeouts, true);
  }

  /** For one HTTP/2 stream, after its frame-to-HTTP codec. */
  static RequestDeadlines http2Stream(Timeouts timeouts) {
    return new RequestDeadlines(timeouts, false);
  }

  /**
   * Sees the raw bytes of an HTTP/1.1 connection: the next request's first ones start its clock.
   */
  ChannelInboundHandlerAdapter firstBytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext bytes, Object msg) {
        if (waitingForBytes && ctx != null) {
          beginReading();
        }
        bytes.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (http1) {
      beginReading();
    } else {
      readingSince = System.nanoTime(); // the stream opened with its headers
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel(readTimer);
    cancel(writeTimer);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (timedOut && msg instanceof HttpContent) {
      ReferenceCountUtil.release(msg); // the rest of a body too late to be read
      return;
    }
    if (msg instanceof HttpRequest request) {
      cancel(readTimer);
      head = request;
      bodyPending = !(msg instanceof LastHttpContent);
      // A pipelined request waits, unread, for the answers before it; its clocks start after them.
      if (unanswered++ == 0) {
        startClocks();
      }
    } else if (msg instanceof LastHttpContent) {
      bodyPending = false;
      cancel(readTimer);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    // A "100 Continue" (the aggregator's, for Expect: 100-continue) is not the answer.
    boolean informational =
        msg instanceof HttpResponse response
            && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    if (msg instanceof LastHttpContent && !informational) {
      promise.addListener(written -> answered());
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof HttpServerUpgradeHandler.UpgradeEvent
        || event instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent) {
      // The connection speaks HTTP/2 from now on: each stream keeps its own deadlines.
      ctx.pipeline().remove(this);
    }
    super.userEventTriggered(ctx, event);
  }

  /** Reading a request begins: its headers (and, with read_timeout, all of it) are due. */
  private void beginReading() {
    waitingForBytes = false;
    readingSince = System.nanoTime();
    cancel(readTimer);
    if (!timeouts.header().isZero()) {
      readTimer = schedule(ctx::close, timeouts.header().toNanos());
    }
  }

  private void answered() {
    cancel(writeTimer);
    if (timedOut) {
      if (!http1) {
        // The answer is out but the client may still be sending: stop it, as Go does.
        ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR));
      }
      ctx.close();
      return;
    }
    if (--unanswered > 0) {
      readingSince = System.nanoTime();
      startClocks();
    } else if (http1 && ctx.channel().isActive()) {
      if (timeouts.idle().isZero()) {
        beginReading();
      } else {
        waitingForBytes = true;
        readTimer = schedule(ctx::close, timeouts.idle().toNanos());
      }
    }
  }

  /** The headers are in: the answer is due within write_timeout, the body by read_timeout. */
  private void startClocks() {
    cancel(writeTimer);
    if (!timeouts.write().isZero()) {
      writeTimer = schedule(this::writeTimedOut, timeouts.write().toNanos());
    }
    if (bodyPending && !timeouts.read().isZero()) {
      cancel(readTimer);
      long left = readingSince + timeouts.read().toNanos() - System.nanoTime();
      readTimer = schedule(this::readTimedOut, Math.max(0, left));
    }
  }

  private void readTimedOut() {
    timedOut = true;
    cancel(writeTimer);
    ctx.fireChannelRead(new ReadTimedOut(head, timeouts.read()));
  }

  private void writeTimedOut() {
    if (!http1) {
      ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
    }
    ctx.close();
  }

  private ScheduledFuture<?> schedule(Runnable task, long nanos) {
    return ctx.executor().schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
