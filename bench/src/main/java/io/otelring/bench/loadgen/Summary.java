package io.otelring.bench.loadgen;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The report at the end of a load: what was sent, accepted, refused and failed, the rate, and the
 * request latency percentiles (send to answer).
 *
 * @param noun what an item is called (spans, data points, log records)
 * @param counts the totals
 * @param latencies request latencies in microseconds
 * @param elapsedNanos how long the load ran
 * @param lastError the last refusal or failure, or null
 * @param retrying whether refused requests were sent again ({@code --retry})
 */
record Summary(
    String noun,
    LoadStats.Counts counts,
    Histogram latencies,
    long elapsedNanos,
    String lastError,
    boolean retrying) {

  String text(double bytesPerItem) {
    double seconds = elapsedNanos / 1e9;
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "sent:     %,d requests, %,d %s (%.0f bytes each) in %.1f s%n",
            counts.requests(),
            counts.sentItems(),
            noun,
            bytesPerItem,
            seconds));
    text.append(
        String.format(
            Locale.ROOT,
            "accepted: %,d %s (%,.0f %s/s)%n",
            counts.acceptedItems(),
            noun,
            counts.acceptedItems() / Math.max(seconds, 1e-9),
            noun));
    if (retrying) {
      text.append(
          String.format(
              Locale.ROOT,
              "refused:  %,d %s in %,d retryable answers%n",
              counts.refusedItems(),
              noun,
              counts.refusedRequests()));
    } else {
      text.append(String.format(Locale.ROOT, "refused:  %,d %s%n", counts.refusedItems(), noun));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "errors:   %,d requests (%,d %s)%n",
            counts.failedRequests(),
            counts.failedItems(),
            noun));
    if (retrying) {
      text.append(
          String.format(
              Locale.ROOT,
              "retried:  %,d requests (%,d %s)%n",
              counts.retriedRequests(),
              counts.retriedItems(),
              noun));
      text.append(
          String.format(
              Locale.ROOT,
              "given up: %,d requests (%,d %s) never accepted%n",
              counts.givenUpRequests(),
              counts.givenUpItems(),
              noun));
    }
    if (latencies.getTotalCount() > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "latency:  p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
              latencies.getValueAtPercentile(50) / 1000.0,
              latencies.getValueAtPercentile(99) / 1000.0,
              latencies.getMaxValue() / 1000.0));
    }
    if (lastError != null) {
      text.append("last error: ").append(lastError).append(System.lineSeparator());
    }
    return text.toString();
  }
}
