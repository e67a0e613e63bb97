package io.otelring.bench.jmh;

import io.grpc.Codec;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.grpc.GrpcCodecs;
import java.io.IOException;
import java.io.OutputStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the otlp exporter's {@code compression} costs per batch (the batch processor's default of
 * 8,192 spans): {@code gzip-default} is grpc-java's own gzip codec, at zlib's default level as
 * grpc-go's; the others are the codecs otelring's exporter sends with. The compressed size is
 * printed at the end of each trial, for the ratio. Time per batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExportCompressionBenchmark {

  private static final int BATCH_SPANS = 8192;

  @Param({"otelspec", "testbed"})
  public String shape;

  @Param({"gzip-default", "gzip", "zstd", "snappy"})
  public String codec;

  private byte[] batch;
  private Codec compressor;
  private final CountingSink sink = new CountingSink();
  private long messages;

  @Setup
  public void setUp() {
    batch = SpanShape.of(shape).request(BATCH_SPANS, new Random(1)).toByteArray();
    compressor =
        codec.equals("gzip-default")
            ? new Codec.Gzip()
            : (Codec) GrpcCodecs.compressors().lookupCompressor(codec);
  }

  @Benchmark
  public long compress() throws IOException {
    try (OutputStream out = compressor.compress(sink)) {
      out.write(batch);
    }
    messages++;
    return sink.bytes;
  }

  @TearDown
  public void report() {
    if (messages > 0) {
      System.out.printf(
          "%n%s %s: %,d bytes -> %,d (%.3f)%n",
          shape,
          codec,
          batch.length,
          sink.bytes / messages,
          sink.bytes / (double) messages / batch.length);
    }
  }

  /** Counts what the codec writes, as grpc-java's buffers would take it, and keeps nothing. */
  private static final class CountingSink extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }

    @Override
    public void close() {
      // the codec's stream closes its sink; this one stays open for the next message
    }
  }
}
