package io.otelring.bench.jmh;

import io.grpc.internal.CompositeReadableBuffer;
import io.grpc.internal.ReadableBuffers;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.wire.WireScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gRPC receiver's one copy of a request costs: the body arrives as HTTP/2 DATA frames in
 * direct buffers (16 KiB each, the default frame size), and the receiver reads it into one array of
 * its known length before checking it. Keeping the transport's buffers instead would save this copy
 * (and the array's zeroing) — issue 5's "reuse Netty's buffers where measurement shows it pays".
 * {@code scan} is the check that follows, for scale. Time per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceiveCopyBenchmark {

  private static final int FRAME_BYTES = 16 * 1024;

  @Param({"otelspec", "testbed"})
  public String shape;

  private byte[] encoded;
  private ByteBuffer[] frames;

  @Setup
  public void setUp() {
    SpanShape spanShape = SpanShape.of(shape);
    encoded = spanShape.request(spanShape.spansPerRequest(), new Random(1)).toByteArray();
    int count = (encoded.length + FRAME_BYTES - 1) / FRAME_BYTES;
    frames = new ByteBuffer[count];
    for (int i = 0; i < count; i++) {
      int from = i * FRAME_BYTES;
      int length = Math.min(FRAME_BYTES, encoded.length - from);
      frames[i] = ByteBuffer.allocateDirect(length).put(encoded, from, length).flip();
    }
  }

  /** As the receiver's marshaller does: one array of the stream's known length, filled. */
  @Benchmark
  public byte[] copyIntoArray() throws IOException {
    CompositeReadableBuffer body = new CompositeReadableBuffer(frames.length);
    for (ByteBuffer frame : frames) {
      body.addBuffer(ReadableBuffers.wrap(frame.duplicate()));
    }
    try (InputStream stream = ReadableBuffers.openStream(body, true)) {
      byte[] bytes = new byte[stream.available()];
      if (stream.readNBytes(bytes, 0, bytes.length) != bytes.length) {
        throw new IOException("short read");
      }
      return bytes;
    }
  }

  @Benchmark
  public WireScanner.Result scan() throws Exception {
    return WireScanner.scan(Signal.TRACES, encoded);
  }

  /**
   * Both, as the receiver does them: the check reads a new array just filled, not one that stays in
   * the cache from one call to the next.
   */
  @Benchmark
  public WireScanner.Result copyAndScan() throws Exception {
    return WireScanner.scan(Signal.TRACES, copyIntoArray());
  }
}
