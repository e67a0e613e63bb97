package io.otelring.processor.memorylimiter;

import io.otelring.core.component.ComponentId;
import io.otelring.core.config.GoDuration;
import io.otelring.core.consumer.Refusal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The heap watch behind one {@code memory_limiter} id, shared by the processors of every pipeline
 * that lists it (memory is process-wide, so one measurement and one GC suffice — Go shares it the
 * same way). A daemon thread of its own measures the heap every {@code check_interval}, asks for a
 * GC when above the soft limit (throttled by the {@code min_gc_interval_*} settings, because a full
 * GC is expensive and would slow the recovery it is meant to help), and sets the flag that the
 * processors read on every request: reading it is one volatile load, and no GC ever runs on a ring
 * or receiver thread.
 */
final class MemoryLimiter {

  private static final long MIB = 1024 * 1024;

  private final ComponentId id;
  private final Logger logger;
  private final HeapUsage heap;
  private final Runnable gc;
  private final LongSupplier nanoClock;
  private final Duration checkInterval;
  private final long minGcSoftNanos;
  private final long minGcHardNanos;
  private final long limitBytes;
  private final long softLimitBytes;
  private final Refusal refusal;
  private volatile boolean mustRefuse;
  private long lastGcNanos;
  private int users;
  private ScheduledExecutorService checker;

  MemoryLimiter(
      ComponentId id,
      MemoryLimiterConfig config,
      HeapUsage heap,
      Runnable gc,
      LongSupplier nanoClock,
      Logger logger) {
    this.id = id;
    this.logger = logger;
    this.heap = heap;
    this.gc = gc;
    this.nanoClock = nanoClock;
    this.checkInterval = config.checkInterval();
    this.minGcSoftNanos = config.minGcIntervalWhenSoftLimited().toNanos();
    this.minGcHardNanos = config.minGcIntervalWhenHardLimited().toNanos();
    long spikeBytes;
    if (config.limitMib() > 0) {
      limitBytes = config.limitMib() * MIB;
      spikeBytes = config.spikeLimitMib() * MIB;
    } else {
      long max = heap.maxBytes();
      if (max <= 0 || max == Long.MAX_VALUE) {
        throw new IllegalStateException(
            "failed to get the maximum heap size, use fixed memory settings (limit_mib)");
      }
      limitBytes = config.limitPercentage() * max / 100;
      spikeBytes = config.spikeLimitPercentage() * max / 100;
      logger.info(
          "Using percentage memory limiter (max_heap_mib: {}, limit_percentage: {},"
              + " spike_limit_percentage: {})",
          max / MIB,
          config.limitPercentage(),
          config.spikeLimitPercentage());
    }
    // An unset spike is a fifth of the limit, as in Go.
    softLimitBytes = limitBytes - (spikeBytes == 0 ? limitBytes / 5 : spikeBytes);
    this.refusal =
        Refusal.retryable("data refused due to high memory usage", config.checkInterval());
    this.lastGcNanos = nanoClock.getAsLong();
    long max = heap.maxBytes();
    if (max > 0 && max < limitBytes) {
      logger.warn(
          "limit_mib {} is above the JVM's maximum heap of {} MiB: the JVM runs out of memory first",
          limitBytes / MIB,
          max / MIB);
    }
  }

  /** True while new data must be refused; one volatile read, for any thread. */
  boolean mustRefuse() {
    return mustRefuse;
  }

  /** The refusal clients get, retryable after one check interval (when the state can change). */
  Refusal refusal() {
    return refusal;
  }

  long limitBytes() {
    return limitBytes;
  }

  long softLimitBytes() {
    return softLimitBytes;
  }

  /** A processor starts using this watch; the first one starts the checker thread. */
  synchronized void acquire() {
    if (users++ > 0) {
      return;
    }
    mustRefuse = false;
    checker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "memory-limiter-" + id);
              thread.setDaemon(true);
              return thread;
            });
    long nanos = checkInterval.toNanos();
    checker.scheduleAtFixedRate(this::checkSafely, 0, nanos, TimeUnit.NANOSECONDS);
    logger.info(
        "Memory limiter started (limit_mib: {}, spike_limit_mib: {}, check_interval: {})",
        limitBytes / MIB,
        (limitBytes - softLimitBytes) / MIB,
        GoDuration.format(checkInterval));
  }

  /**
   * A processor stops using this watch; the last one stops the checker thread.
   *
   * @return whether this was the last user
   */
  synchronized boolean release() {
    if (users == 0 || --users > 0) {
      return false;
    }
    checker.shutdownNow();
    checker = null;
    mustRefuse = false;
    logger.info("Memory limiter stopped");
    return true;
  }

  private void checkSafely() {
    try {
      checkMemLimits();
    } catch (RuntimeException e) {
      // A failed check must not end the schedule (an uncaught exception would, silently).
      logger.warn("Memory check failed: {}", e.toString());
    }
  }

  /**
   * One measurement: below the soft limit, accept; above it, ask for a GC if the last one is old
   * enough and measure again; refuse while still above. Logs only when the state changes or a GC is
   * asked for.
   */
  void checkMemLimits() {
    long used = heap.usedBytes();
    if (used < softLimitBytes) {
      if (mustRefuse) {
        logger.info(
            "Memory usage back within limits. Resuming normal operation. (cur_mem_mib: {})",
            used / MIB);
      }
      mustRefuse = false;
      return;
    }
    boolean hard = used >= limitBytes;
    if (nanoClock.getAsLong() - lastGcNanos > (hard ? minGcHardNanos : minGcSoftNanos)) {
      String message = "Memory usage is above {} limit. Forcing a GC. (cur_mem_mib: {})";
      if (hard) {
        logger.warn(message, "hard", used / MIB);
      } else {
        logger.info(message, "soft", used / MIB);
      }
      gc.run();
      lastGcNanos = nanoClock.getAsLong();
      used = heap.usedBytes();
      logger.info("Memory usage after GC. (cur_mem_mib: {})", used / MIB);
    }
    boolean above = used >= softLimitBytes;
    if (above && !mustRefuse) {
      logger.warn("Memory usage is above soft limit. Refusing data. (cur_mem_mib: {})", used / MIB);
    } else if (!above && mustRefuse) {
      logger.info(
          "Memory usage back within limits. Resuming normal operation. (cur_mem_mib: {})",
          used / MIB);
    }
    mustRefuse = above;
  }
}
