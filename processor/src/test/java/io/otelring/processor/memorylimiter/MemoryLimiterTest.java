package io.otelring.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The limiter's decisions with an injected heap reading and clock, and its processors. */
class MemoryLimiterTest {

  private static final long MIB = 1024 * 1024;

  /** A heap the test sets; a GC drops it to {@link #afterGc} when that is set. */
  private final class FakeHeap implements HeapUsage {
    volatile long used;
    volatile long afterGc = -1;
    volatile long max = 1024 * MIB;

    @Override
    public long usedBytes() {
      return used;
    }

    @Override
    public long maxBytes() {
      return max;
    }

    void gc() {
      gcThreads.add(Thread.currentThread().getName());
      if (afterGc >= 0) {
        used = afterGc;
      }
    }
  }

  private final FakeHeap heap = new FakeHeap();
  private final List<String> gcThreads = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RecordingConsumer next = new RecordingConsumer();
  private final List<MemoryLimiterProcessor> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(p -> p.shutdown(Duration.ofSeconds(1)));
  }

  /** limit 100 MiB, spike 20 MiB: soft limit 80 MiB; GC at most every 10s soft, 1s hard. */
  private MemoryLimiterConfig config() {
    return new MemoryLimiterConfig(
        Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(1), 100, 20, 0, 0);
  }

  private MemoryLimiter limiter(MemoryLimiterConfig config) {
    return new MemoryLimiter(
        ComponentId.parse("memory_limiter"),
        config,
        heap,
        heap::gc,
        clock::get,
        LoggerFactory.getLogger("test"));
  }

  private void advance(Duration duration) {
    clock.addAndGet(duration.toNanos());
  }

  @Test
  void refusesAtTheSoftLimitAndAcceptsAgainBelowIt() {
    MemoryLimiter limiter = limiter(config());
    assertThat(limiter.softLimitBytes()).isEqualTo(80 * MIB);

    heap.used = 80 * MIB - 1;
    limiter.checkMemLimits();
    assertThat(limiter.mustRefuse()).isFalse();

    heap.used = 80 * MIB;
    limiter.checkMemLimits();
    assertThat(limiter.mustRefuse()).isTrue();
    // no GC yet: the last one (the limiter's creation, as in Go) is less than 10s ago
    assertThat(gcThreads).isEmpty();

    heap.used = 50 * MIB;
    limiter.checkMemLimits();
    assertThat(limiter.mustRefuse()).isFalse();
  }

  @Test
  void aGcThatFreesEnoughAvoidsTheRefusal() {
    MemoryLimiter limiter = limiter(config());
    advance(Duration.ofSeconds(11));
    heap.used = 90 * MIB;
    heap.afterGc = 30 * MIB;

    limiter.checkMemLimits();

    assertThat(gcThreads).hasSize(1);
    assertThat(limiter.mustRefuse()).isFalse();
  }

  @Test
  void gcRequestsAreThrottledByTheSoftAndHardIntervals() {
    MemoryLimiter limiter = limiter(config());
    advance(Duration.ofSeconds(11));
    heap.used = 90 * MIB;
    heap.afterGc = 85 * MIB;

    limiter.checkMemLimits();
    assertThat(gcThreads).hasSize(1);
    assertThat(limiter.mustRefuse()).isTrue();

    // soft limited: the next GC only 10s after the last
    advance(Duration.ofSeconds(5));
    heap.used = 95 * MIB;
    limiter.checkMemLimits();
    assertThat(gcThreads).hasSize(1);
    assertThat(limiter.mustRefuse()).isTrue();

    // hard limited: 1s is enough
    heap.used = 100 * MIB;
    heap.afterGc = 70 * MIB;
    limiter.checkMemLimits();
    assertThat(gcThreads).hasSize(2);
    assertThat(limiter.mustRefuse()).isFalse();
  }

  @Test
  void percentagesAreOfTheMaximumHeapAndAnUnsetSpikeIsAFifth() {
    heap.max = 1000 * MIB;
    MemoryLimiter limiter =
        limiter(
            new MemoryLimiterConfig(
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, 0, 0, 80, 25));
    assertThat(limiter.limitBytes()).isEqualTo(800 * MIB);
    assertThat(limiter.softLimitBytes()).isEqualTo(550 * MIB);

    MemoryLimiter fixed =
        limiter(
            new MemoryLimiterConfig(
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, 500, 0, 80, 25));
    assertThat(fixed.limitBytes()).isEqualTo(500 * MIB);
    assertThat(fixed.softLimitBytes()).isEqualTo(400 * MIB);
  }

  @Test
  void percentagesNeedAMaximumHeap() {
    heap.max = -1;
    assertThatThrownBy(
            () ->
                limiter(
                    new MemoryLimiterConfig(
                        Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, 0, 0, 80, 0)))
        .hasMessage("failed to get the maximum heap size, use fixed memory settings (limit_mib)");
  }

  private MemoryLimiterProcessor processor(
      MemoryLimiterProcessorFactory factory, String id, Signal signal, MemoryLimiterConfig config) {
    return (MemoryLimiterProcessor)
        factory.createProcessor(
            ComponentSettings.of(ComponentId.parse(id), Kind.PROCESSOR, meters),
            config,
            signal,
            next);
  }

  @Test
  void refusesAtAdmissionWithTheCheckIntervalAsDelayAndPassesOnWhatWasAdmitted() {
    var factory = new MemoryLimiterProcessorFactory(heap, heap::gc, clock::get);
    MemoryLimiterProcessor processor =
        processor(factory, "memory_limiter", Signal.TRACES, config());
    Telemetry five = Telemetry.traces(Requests.spans("a", 5));
    heap.used = 10 * MIB;
    processor.start();
    started.add(processor);
    assertThat(processor.admit(five)).isEmpty();

    heap.used = 99 * MIB;
    await().until(() -> processor.admit(five).isPresent());
    Refusal refusal = processor.admit(five).orElseThrow();
    assertThat(refusal.isRetryable()).isTrue();
    assertThat(refusal.retryDelay()).contains(Duration.ofMillis(250));
    assertThat(refusal.getMessage()).isEqualTo("data refused due to high memory usage");
    // what got past admission before the limit was crossed still goes through
    assertThat(processor.consume(five).toCompletableFuture()).isCompleted();
    assertThat(next.itemCount()).isEqualTo(5);

    heap.used = 10 * MIB;
    await().until(() -> processor.admit(five).isEmpty());
    assertThat(
            meters
                .get("otelcol_processor_refused_spans")
                .tag("processor", "memory_limiter")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(10)
        .satisfies(count -> assertThat(count % 5).isZero());
    assertThat(meters.get("otelcol_processor_accepted_spans").counter().count()).isEqualTo(5);
  }

  @Test
  void gcRunsOnTheCheckerThreadNeverOnTheCaller() {
    var factory = new MemoryLimiterProcessorFactory(heap, heap::gc, clock::get);
    MemoryLimiterProcessor processor =
        processor(
            factory,
            "memory_limiter/gc",
            Signal.LOGS,
            new MemoryLimiterConfig(
                Duration.ofMillis(20), Duration.ZERO, Duration.ZERO, 100, 20, 0, 0));
    processor.start();
    started.add(processor);
    heap.used = 90 * MIB;
    heap.afterGc = 90 * MIB;
    advance(Duration.ofSeconds(1));

    await().until(() -> !gcThreads.isEmpty());
    assertThat(gcThreads)
        .allSatisfy(t -> assertThat(t).isEqualTo("memory-limiter-memory_limiter/gc"));
    Telemetry logs = Telemetry.logs(Requests.logs("l", 3));
    await().until(() -> processor.admit(logs).isPresent());
    assertThat(meters.get("otelcol_processor_refused_log_records").counter().count()).isPositive();
  }

  @Test
  void pipelinesSharingAnIdShareOneCheckerUntilTheLastStops() {
    var factory = new MemoryLimiterProcessorFactory(heap, heap::gc, clock::get);
    MemoryLimiterProcessor traces =
        processor(factory, "memory_limiter/shared", Signal.TRACES, config());
    MemoryLimiterProcessor logs =
        processor(factory, "memory_limiter/shared", Signal.LOGS, config());
    traces.start();
    logs.start();
    assertThat(checkerThreads("memory_limiter/shared")).isEqualTo(1);

    heap.used = 95 * MIB;
    await().until(() -> logs.admit(Telemetry.logs(Requests.logs("l", 1))).isPresent());
    assertThat(traces.admit(Telemetry.traces(Requests.spans("s", 1)))).isPresent();

    traces.shutdown(Duration.ofSeconds(1));
    traces.shutdown(Duration.ofSeconds(1));
    assertThat(logs.admit(Telemetry.logs(Requests.logs("l", 1)))).isPresent();
    assertThat(checkerThreads("memory_limiter/shared")).isEqualTo(1);

    logs.shutdown(Duration.ofSeconds(1));
    await().until(() -> checkerThreads("memory_limiter/shared") == 0);
    // a later start begins afresh, accepting until a check says otherwise
    MemoryLimiterProcessor again =
        processor(factory, "memory_limiter/shared", Signal.TRACES, config());
    heap.used = 0;
    again.start();
    started.add(again);
    await().until(() -> again.admit(Telemetry.traces(Requests.spans("s", 1))).isEmpty());
  }

  @Test
  void shutdownWithoutStartIsSafe() {
    var factory = new MemoryLimiterProcessorFactory(heap, heap::gc, clock::get);
    MemoryLimiterProcessor processor =
        processor(factory, "memory_limiter", Signal.METRICS, config());
    processor.shutdown(Duration.ZERO);
    processor.shutdown(Duration.ZERO);
    assertThat(meters.find("otelcol_processor_refused_metric_points").counter()).isNotNull();
  }

  private static long checkerThreads(String id) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("memory-limiter-" + id))
        .count();
  }
}
