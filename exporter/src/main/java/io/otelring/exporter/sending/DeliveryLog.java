package io.otelring.exporter.sending;

import io.otelring.core.component.ThrottledLog;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Counts how each batch ended and logs the failures, throttled, with the backend's message: a
 * permanent refusal or spent retries (the data is dropped, as in Go), a partial success, a full
 * queue. Never logs request headers.
 */
final class DeliveryLog {

  private final ThrottledLog failures;
  private final ThrottledLog partial;
  private final ThrottledLog full;
  private volatile ExporterMetrics metrics;

  DeliveryLog(Logger logger) {
    this.failures = new ThrottledLog(logger, Duration.ofSeconds(10));
    this.partial = new ThrottledLog(logger, Duration.ofSeconds(10));
    this.full = new ThrottledLog(logger, Duration.ofSeconds(10));
  }

  void metrics(ExporterMetrics metrics) {
    this.metrics = metrics;
  }

  void record(Telemetry batch, RetrySender.Outcome outcome) {
    String noun = batch.signal().itemNoun();
    if (outcome.failure() != null) {
      metrics.sendFailed(batch.signal(), batch.itemCount());
      failures.error(
          "Exporting failed. Dropping data: {} {}: {}",
          batch.itemCount(),
          noun,
          outcome.failure().getMessage());
      return;
    }
    long rejected = Math.min(outcome.delivery().rejected(), batch.itemCount());
    metrics.sent(batch.signal(), batch.itemCount() - rejected);
    if (rejected > 0 || !outcome.delivery().message().isEmpty()) {
      metrics.sendFailed(batch.signal(), rejected);
      partial.warn(
          "Partial success response: {} of {} {} rejected: {}",
          rejected,
          batch.itemCount(),
          noun,
          outcome.delivery().message());
    }
  }

  void enqueueFailed(Telemetry batch, Throwable failure) {
    metrics.enqueueFailed(batch.signal(), batch.itemCount());
    full.warn(
        "Refused {} {}: {}",
        batch.itemCount(),
        batch.signal().itemNoun(),
        Refusal.of(failure).getMessage());
  }
}
