package io.otelring.bench.e2e;

import io.otelring.bench.e2e.SutLauncher.DeliveredCount;
import io.otelring.bench.loadgen.LoadStats;

/**
 * The counters at one edge of a measurement window. The system's delivered count is read first: for
 * a baseline it is an HTTP request to its stats page, which can take a while (the first one took
 * ~0.3 s on a loaded CPU, setting up the client). The clock, the CPU time and the load generator's
 * counts are then read together, so the spans accepted and the CPU spent are counted over the same
 * time as the window's length — a slow read between them shortened the one and not the other.
 */
record WindowSnapshot(long delivered, long nanos, double cpuSeconds, LoadStats.Counts counts) {

  static WindowSnapshot take(DeliveredCount deliveredCount, long pid, LoadStats stats)
      throws Exception {
    long delivered = deliveredCount.read();
    long nanos = System.nanoTime();
    double cpuSeconds = ProcStats.cpuSeconds(pid);
    return new WindowSnapshot(delivered, nanos, cpuSeconds, stats.counts());
  }
}
