package io.otelring.bench.jmh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.processor.batch.BatchProcessorConfig;
import io.otelring.processor.batch.BatchProcessorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The batch processor's merge and split: one operation hands it one {@code otelspec} request (512
 * spans). With {@code send_batch_size} 8192 and no cap it merges 16 requests per send; with a cap
 * of 1000 ({@code split}) it also cuts resource and scope groups. The request is either parsed
 * ({@code parsed}: a processor before the batch asked for structure) or the bytes a receiver keeps
 * ({@code wire}: merged and cut on the wire). The next consumer only counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBenchmark {

  @Param({"merge", "split"})
  public String mode;

  @Param({"parsed", "wire"})
  public String payload;

  private byte[] wire;

  private Processor processor;
  private Telemetry telemetry;
  private Blackhole sink;

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) throws Exception {
    sink = blackhole;
    ExportTraceServiceRequest request = SpanShape.OTELSPEC.request(512, new Random(1));
    telemetry = Telemetry.traces(request);
    wire = request.toByteArray();
    BatchProcessorConfig config =
        new BatchProcessorConfig(
            Duration.ofSeconds(200), 8192, mode.equals("split") ? 1000 : 0, List.of(), 0);
    Consumer next =
        batch -> {
          sink.consume(batch.itemCount());
          return Consumer.ACCEPTED;
        };
    processor =
        new BatchProcessorFactory()
            .createProcessor(
                ComponentSettings.of(
                    ComponentId.parse("batch"), Kind.PROCESSOR, new SimpleMeterRegistry()),
                config,
                Signal.TRACES,
                next);
    processor.start();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    processor.shutdown(Duration.ofSeconds(1));
  }

  @Benchmark
  public Object consume() {
    // A fresh envelope per request, as a receiver makes, so that no parse is cached across calls.
    return processor.consume(
        payload.equals("wire")
            ? Telemetry.fromWire(Signal.TRACES, wire, 512, ClientMetadata.EMPTY)
            : telemetry);
  }
}
