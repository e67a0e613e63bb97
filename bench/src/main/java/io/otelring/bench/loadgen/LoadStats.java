package io.otelring.bench.loadgen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the workers did, counted without locks: requests and items sent, accepted, refused and
 * failed, and a latency histogram of every attempt (send to answer), in microseconds. With {@code
 * --retry}, a request's first attempt counts as sent and its later ones as retried; refusals and
 * failures are counted per answer, acceptance once per request, and a request never accepted as
 * given up.
 */
public final class LoadStats {

  private final LongAdder requests = new LongAdder();
  private final LongAdder sentItems = new LongAdder();
  private final LongAdder acceptedItems = new LongAdder();
  private final LongAdder refusedItems = new LongAdder();
  private final LongAdder refusedRequests = new LongAdder();
  private final LongAdder retriedRequests = new LongAdder();
  private final LongAdder retriedItems = new LongAdder();
  private final LongAdder givenUpRequests = new LongAdder();
  private final LongAdder givenUpItems = new LongAdder();
  private final LongAdder failedItems = new LongAdder();
  private final LongAdder failedRequests = new LongAdder();
  private final Recorder latency = new Recorder(3);
  private volatile String lastError;

  /** Counts one answered request of {@code items} items that took {@code nanos}. */
  void record(Reply reply, int items, long nanos) {
    requests.increment();
    sentItems.add(items);
    recordAnswer(reply, items, nanos);
  }

  /** Counts the answer to a request sent again. */
  void recordRetry(Reply reply, int items, long nanos) {
    retriedRequests.increment();
    retriedItems.add(items);
    recordAnswer(reply, items, nanos);
  }

  /** Counts a request that will not be sent again and was never accepted. */
  void giveUp(int items) {
    givenUpRequests.increment();
    givenUpItems.add(items);
  }

  private void recordAnswer(Reply reply, int items, long nanos) {
    latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    switch (reply.outcome()) {
      case ACCEPTED -> {
        acceptedItems.add(items - reply.rejectedItems());
        refusedItems.add(reply.rejectedItems());
      }
      case REFUSED -> {
        refusedItems.add(items);
        refusedRequests.increment();
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
        failedRequests.sum(),
        refusedRequests.sum(),
        retriedRequests.sum(),
        retriedItems.sum(),
        givenUpRequests.sum(),
        givenUpItems.sum());
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
   * @param requests requests answered (first attempts)
   * @param sentItems items in those requests
   * @param acceptedItems items the collector accepted, once per item however many attempts
   * @param refusedItems items refused by backpressure (per answer) or rejected in a partial success
   * @param failedItems items of attempts that failed otherwise
   * @param failedRequests attempts that failed otherwise
   * @param refusedRequests retryable answers
   * @param retriedRequests attempts after the first
   * @param retriedItems items in those attempts
   * @param givenUpRequests requests never accepted: a permanent error or the deadline passed
   * @param givenUpItems items in those requests
   */
  public record Counts(
      long requests,
      long sentItems,
      long acceptedItems,
      long refusedItems,
      long failedItems,
      long failedRequests,
      long refusedRequests,
      long retriedRequests,
      long retriedItems,
      long givenUpRequests,
      long givenUpItems) {

    /** Counters of a load without retries. */
    public Counts(
        long requests,
        long sentItems,
        long acceptedItems,
        long refusedItems,
        long failedItems,
        long failedRequests) {
      this(
          requests,
          sentItems,
          acceptedItems,
          refusedItems,
          failedItems,
          failedRequests,
          0,
          0,
          0,
          0,
          0);
    }

    /** The difference from an earlier snapshot. */
    public Counts minus(Counts earlier) {
      return new Counts(
          requests - earlier.requests,
          sentItems - earlier.sentItems,
          acceptedItems - earlier.acceptedItems,
          refusedItems - earlier.refusedItems,
          failedItems - earlier.failedItems,
          failedRequests - earlier.failedRequests,
          refusedRequests - earlier.refusedRequests,
          retriedRequests - earlier.retriedRequests,
          retriedItems - earlier.retriedItems,
          givenUpRequests - earlier.givenUpRequests,
          givenUpItems - earlier.givenUpItems);
    }
  }
}
