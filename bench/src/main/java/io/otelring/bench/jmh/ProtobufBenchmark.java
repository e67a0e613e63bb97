package io.otelring.bench.jmh;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.bench.shape.SpanShape;
import io.otelring.bench.wire.WireItemCounter;
import io.otelring.core.component.Signal;
import io.otelring.core.wire.WireScanner;
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
 * What the receiver and the exporter pay per request today: decoding an {@code otelspec} request
 * (512 spans) into the generated messages, encoding it back, and — for comparison with the lazy
 * payload of issue 5 — counting its spans with a wire walk. Time per request; divide by 512 for a
 * span.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtobufBenchmark {

  @Param({"otelspec", "genai"})
  public String shape;

  private byte[] encoded;
  private ExportTraceServiceRequest request;

  @Setup
  public void setUp() {
    SpanShape spanShape = SpanShape.of(shape);
    request = spanShape.request(spanShape.spansPerRequest(), new Random(1));
    encoded = request.toByteArray();
  }

  @Benchmark
  public ExportTraceServiceRequest decode() throws Exception {
    return ExportTraceServiceRequest.parseFrom(encoded);
  }

  /** Decode and touch every span's attributes, as a processor that reads them would. */
  @Benchmark
  public int decodeAndReadAttributes() throws Exception {
    ExportTraceServiceRequest parsed = ExportTraceServiceRequest.parseFrom(encoded);
    int length = 0;
    for (var resource : parsed.getResourceSpansList()) {
      for (var scope : resource.getScopeSpansList()) {
        for (var span : scope.getSpansList()) {
          for (var attribute : span.getAttributesList()) {
            length += attribute.getKey().length() + attribute.getValue().getStringValue().length();
          }
        }
      }
    }
    return length;
  }

  @Benchmark
  public byte[] encode() {
    return request.toByteArray();
  }

  /** The receiver's check: the whole walk, UTF-8 of every string included. */
  @Benchmark
  public WireScanner.Result scan() throws Exception {
    return WireScanner.scan(Signal.TRACES, encoded);
  }

  /** What the exporter pays to count the items of a part it cut from a checked batch. */
  @Benchmark
  public int countChecked() {
    return WireScanner.countChecked(Signal.TRACES, encoded);
  }

  @Benchmark
  public int countByWireWalk() {
    return WireItemCounter.count(Signal.TRACES, encoded);
  }
}
