package io.otelring.bench.outage;

import io.otelring.bench.baseline.BaselineServer;
import io.otelring.bench.loadgen.LoadStats;
import io.otelring.core.component.Signal;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the collector's queue size and the sink's count every 250 ms: the queue's peak, and how
 * long after the sink started the first span arrived, the queue was back to empty, and the spans
 * accepted during the outage were all delivered. Prints a progress line every five seconds.
 */
final class OutageWatch implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 250;

  private final OutageCollector collector;
  private final LoadStats load;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile BaselineServer sink;
  private volatile long sinkStartNanos;
  private volatile long acceptedAtSinkStart;
  private volatile long queueSize;
  private volatile long peakQueueSize;
  private volatile long firstDeliveryNanos = -1;
  private volatile long queueEmptyNanos = -1;
  private volatile long backlogDeliveredNanos = -1;
  private volatile String lastProblem;
  private long samples;

  OutageWatch(OutageCollector collector, LoadStats load) {
    this.collector = collector;
    this.load = load;
    timer.scheduleWithFixedDelay(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The backend is up from now on. */
  void sinkStarted(BaselineServer started) {
    acceptedAtSinkStart = load.counts().acceptedItems();
    sinkStartNanos = System.nanoTime();
    sink = started;
  }

  private void sample() {
    try {
      long size = OutageCollector.value(collector.metrics(), "otelcol_exporter_queue_size");
      queueSize = size;
      peakQueueSize = Math.max(peakQueueSize, size);
      BaselineServer up = sink;
      long now = System.nanoTime();
      if (up != null) {
        long delivered = up.counts().items(Signal.TRACES);
        if (firstDeliveryNanos < 0 && delivered > 0) {
          firstDeliveryNanos = now;
        }
        if (queueEmptyNanos < 0 && size == 0) {
          queueEmptyNanos = now;
        }
        if (backlogDeliveredNanos < 0 && delivered >= acceptedAtSinkStart) {
          backlogDeliveredNanos = now;
        }
      }
      if (samples++ % (5000 / SAMPLE_MILLIS) == 0) {
        System.out.println(progressLine(now, up));
      }
    } catch (Exception e) {
      lastProblem = e.toString();
    }
  }

  private String progressLine(long now, BaselineServer up) {
    LoadStats.Counts counts = load.counts();
    return String.format(
        Locale.ROOT,
        "[%4ds] %-8s accepted %,d  refused %,d  retried %,d  queue %,d batches  delivered %s",
        (now - startNanos) / 1_000_000_000L,
        up == null ? "outage" : "backend",
        counts.acceptedItems(),
        counts.refusedItems(),
        counts.retriedItems(),
        queueSize,
        up == null ? "-" : String.format(Locale.ROOT, "%,d", up.counts().items(Signal.TRACES)));
  }

  long queueSize() {
    return queueSize;
  }

  long peakQueueSize() {
    return peakQueueSize;
  }

  long acceptedAtSinkStart() {
    return acceptedAtSinkStart;
  }

  /** Seconds from the sink's start to the first span it received; NaN if none yet. */
  double firstDeliverySeconds() {
    return sinceSinkStart(firstDeliveryNanos);
  }

  /** Seconds from the sink's start to the first sample of an empty queue; NaN if none yet. */
  double queueEmptySeconds() {
    return sinceSinkStart(queueEmptyNanos);
  }

  /** Seconds from the sink's start until it had as many spans as were accepted by then. */
  double backlogDeliveredSeconds() {
    return sinceSinkStart(backlogDeliveredNanos);
  }

  /** The last failure to read the collector's metrics, or null. */
  String lastProblem() {
    return lastProblem;
  }

  private double sinceSinkStart(long nanos) {
    return nanos < 0 ? Double.NaN : (nanos - sinkStartNanos) / 1e9;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
