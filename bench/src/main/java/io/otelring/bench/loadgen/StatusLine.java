package io.otelring.bench.loadgen;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The one-line live status printed every second on a terminal, overwritten in place: items per
 * second in the last second, and the running totals of accepted, refused and failed items (with
 * retries, also items sent again and given up).
 */
final class StatusLine {

  private final LoadStats stats;
  private final String noun;
  private final boolean retrying;
  private final PrintStream out;
  private final long start = System.nanoTime();
  private LoadStats.Counts previous;
  private long previousNanos = start;

  StatusLine(LoadStats stats, String noun, boolean retrying, PrintStream out) {
    this.stats = stats;
    this.noun = noun;
    this.retrying = retrying;
    this.out = out;
    this.previous = stats.counts();
  }

  /** Prints the line for now; called once a second. */
  void print() {
    long now = System.nanoTime();
    LoadStats.Counts counts = stats.counts();
    double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
    double rate = (counts.acceptedItems() - previous.acceptedItems()) / seconds;
    previous = counts;
    previousNanos = now;
    out.print("\r" + line(now - start, rate, counts) + "  ");
    out.flush();
  }

  /** Ends the line, so the summary starts on a fresh one. */
  void finish() {
    out.println();
  }

  String line(long elapsedNanos, double rate, LoadStats.Counts counts) {
    String line =
        String.format(
            Locale.ROOT,
            "[%4ds] %,.0f %s/s  accepted %,d  refused %,d  errors %,d",
            elapsedNanos / 1_000_000_000L,
            rate,
            noun,
            counts.acceptedItems(),
            counts.refusedItems(),
            counts.failedRequests());
    if (!retrying) {
      return line;
    }
    return line
        + String.format(
            Locale.ROOT,
            "  retried %,d  given up %,d",
            counts.retriedItems(),
            counts.givenUpItems());
  }
}
