package io.otelring.bench.jmh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Factories;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.pipeline.PipelineGraph;
import io.otelring.core.pipeline.RingOptions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ring's hand-over: a receiver publishes 64 requests into a pipeline's Disruptor ring (no
 * processor, a counting exporter) and waits until the ring thread has passed them all on. Time per
 * request, publish to consumed, including the consumer thread's wake-up (blocking wait strategy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RingBenchmark {

  private static final int BURST = 64;

  private final RingComponents.HandoffReceivers receivers = new RingComponents.HandoffReceivers();
  private final RingComponents.CountingExporters exporters = new RingComponents.CountingExporters();
  private PipelineGraph graph;
  private Consumer ring;
  private Telemetry telemetry;
  private long expected;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String yaml =
        """
        receivers: {handoff: {}}
        exporters: {counting: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [handoff], exporters: [counting]}}
        """;
    CollectorConfig config =
        new ConfigLoader(Factories.of(List.of(receivers, exporters)))
            .load(ConfigSource.ofYaml("ring.yaml", yaml));
    graph = PipelineGraph.build(config, new SimpleMeterRegistry(), RingOptions.DEFAULT);
    graph.start();
    ring = receivers.traces;
    telemetry = Telemetry.traces(SpanShape.TESTBED.request(1, new Random(1)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    graph.shutdown(Duration.ofSeconds(5));
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  public long publishAndConsume() {
    for (int i = 0; i < BURST; i++) {
      CompletionStage<Void> stage = ring.consume(telemetry);
      if (stage.toCompletableFuture().isCompletedExceptionally()) {
        throw new IllegalStateException("the ring refused a request; it holds 256");
      }
    }
    expected += BURST;
    while (exporters.items.get() < expected) {
      Thread.onSpinWait();
    }
    return expected;
  }
}
