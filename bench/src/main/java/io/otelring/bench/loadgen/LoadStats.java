package io.otelring.bench.loadgen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the workers did, counted without locks: requests and items sent, accepted, refused and
 * failed, and a latency histogram of every request (send to answer), in microseconds.
 */
public final class LoadStats {

  private final LongAdder requests = new LongAdder();
  private final LongAdder sentItems = new LongAdder();
  private final LongAdder acceptedItems = new LongAdder();
  private final LongAdder refusedItems = new LongAdder();
  private final LongAdder failedItems = new LongAdder();
  private final LongAdder failedRequests = new LongAdder();
  private final Recorder latency = new Recorder(3);
  private volatile String lastError;

  /** Counts one answered request of {@code items} items that took {@code nanos}. */
  void record(Reply reply, int items, long nanos) {
    requests.increment();
    sentItems.add(items);
    latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    switch (reply.outcome()) {
      case ACCEPTED -> {
        acceptedItems.add(items - reply.rejectedItems());
        refusedItems.add(reply.rejectedItems());
      }
      case REFUSED -> {
        refusedItems.add(items);
        lastError = reply.error();
      }
      case FAILED -> {
        failedItems.add(items);
        failedRequests.increment();
        lastError = reply.error();
      }
    }
  }

  /** The counters now. */
  public Counts counts() {
    return new Counts(
        requests.sum(),
        sentItems.sum(),
        acceptedItems.sum(),
        refusedItems.sum(),
        failedItems.sum(),
        failedRequests.sum());
  }

  /**
   * The latencies recorded since the last call (or since the start), in microseconds. The caller
   * owns the histogram.
   */
  public Histogram takeLatencies() {
    return latency.getIntervalHistogram();
  }

  /** The last refusal or failure message, or null. */
  public String lastError() {
    return lastError;
  }

  /**
   * Counters at one moment.
   *
   * @param requests requests answered
   * @param sentItems items in those requests
   * @param acceptedItems items the collector accepted
   * @param refusedItems items refused by backpressure or rejected in a partial success
   * @param failedItems items of requests that failed otherwise
   * @param failedRequests requests that failed otherwise
   */
  public record Counts(
      long requests,
      long sentItems,
      long acceptedItems,
      long refusedItems,
      long failedItems,
      long failedRequests) {

    /** The difference from an earlier snapshot. */
    public Counts minus(Counts earlier) {
      return new Counts(
          requests - earlier.requests,
          sentItems - earlier.sentItems,
          acceptedItems - earlier.acceptedItems,
          refusedItems - earlier.refusedItems,
          failedItems - earlier.failedItems,
          failedRequests - earlier.failedRequests);
    }
  }
}
