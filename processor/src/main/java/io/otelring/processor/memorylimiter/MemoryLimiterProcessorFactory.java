package io.otelring.processor.memorylimiter;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Makes {@code memory_limiter} processors, one per pipeline that lists the id, for every signal;
 * processors of the same id and config share one {@link MemoryLimiter}, as in Go.
 */
public final class MemoryLimiterProcessorFactory implements ProcessorFactory<MemoryLimiterConfig> {

  private record Key(ComponentId id, MemoryLimiterConfig config) {}

  private final Map<Key, MemoryLimiter> limiters = new HashMap<>();
  private final HeapUsage heap;
  private final Runnable gc;
  private final LongSupplier nanoClock;

  public MemoryLimiterProcessorFactory() {
    this(HeapUsage.jvm(), System::gc, System::nanoTime);
  }

  MemoryLimiterProcessorFactory(HeapUsage heap, Runnable gc, LongSupplier nanoClock) {
    this.heap = heap;
    this.gc = gc;
    this.nanoClock = nanoClock;
  }

  @Override
  public String type() {
    return "memory_limiter";
  }

  @Override
  public Class<MemoryLimiterConfig> configType() {
    return MemoryLimiterConfig.class;
  }

  /**
   * Go's defaults, which do not validate on purpose: no check interval and no limit, a minimum of
   * 10s between GCs when soft limited and none when hard limited.
   */
  @Override
  public MemoryLimiterConfig defaultConfig() {
    return new MemoryLimiterConfig(
        Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO, 0, 0, 0, 0);
  }

  @Override
  public Processor createProcessor(
      ComponentSettings settings, MemoryLimiterConfig config, Signal signal, Consumer next) {
    Key key = new Key(settings.id(), config);
    MemoryLimiter limiter;
    synchronized (limiters) {
      limiter =
          limiters.computeIfAbsent(
              key, k -> new MemoryLimiter(k.id(), config, heap, gc, nanoClock, settings.logger()));
    }
    return new MemoryLimiterProcessor(settings, signal, limiter, () -> forget(key, limiter), next);
  }

  /** Drops a stopped limiter, so that a later collector in this JVM starts from a fresh one. */
  private void forget(Key key, MemoryLimiter limiter) {
    synchronized (limiters) {
      limiters.remove(key, limiter);
    }
  }
}
