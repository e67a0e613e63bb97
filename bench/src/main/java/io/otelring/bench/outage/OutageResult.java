package io.otelring.bench.outage;

import io.otelring.bench.loadgen.LoadStats;

/**
 * What one outage run measured.
 *
 * @param loadAverage the machine's {@code /proc/loadavg} when the run started (its neighbours)
 * @param load the load generator's counters (sent, accepted, refused, retried, given up)
 * @param loadSeconds how long the load ran
 * @param requestP50Millis median send-to-answer time of an attempt
 * @param requestP99Millis its 99th percentile
 * @param acceptedAtSinkStart spans accepted when the backend came up
 * @param delivered spans the backend received in all
 * @param drained whether the backend had every accepted span (and the queue was empty) before the
 *     drain timeout
 * @param firstDeliverySeconds sink start → first span received
 * @param queueEmptySeconds sink start → the exporter's queue read empty
 * @param backlogDeliveredSeconds sink start → the backend had the spans accepted by its start
 * @param allDeliveredSeconds load stop → the backend had every accepted span
 * @param peakQueueSize the largest {@code otelcol_exporter_queue_size} sampled, in batches
 * @param peakRssBytes the collector's VmHWM at the end
 * @param exporterSent the collector's {@code otelcol_exporter_sent_spans}
 * @param exporterSendFailed its {@code otelcol_exporter_send_failed_spans} (dropped)
 * @param exporterEnqueueFailed its {@code otelcol_exporter_enqueue_failed_spans}
 */
record OutageResult(
    String loadAverage,
    LoadStats.Counts load,
    double loadSeconds,
    double requestP50Millis,
    double requestP99Millis,
    long acceptedAtSinkStart,
    long delivered,
    boolean drained,
    double firstDeliverySeconds,
    double queueEmptySeconds,
    double backlogDeliveredSeconds,
    double allDeliveredSeconds,
    long peakQueueSize,
    long peakRssBytes,
    long exporterSent,
    long exporterSendFailed,
    long exporterEnqueueFailed) {

  /** Spans delivered more than once: the persistent queue is at-least-once. */
  long duplicates() {
    return Math.max(0, delivered - load.acceptedItems());
  }

  /** Accepted spans the backend never received: data loss. */
  long missing() {
    return Math.max(0, load.acceptedItems() - delivered);
  }

  /** The target of issue 4: every accepted span delivered, and nothing given up by the client. */
  boolean targetMet() {
    return missing() == 0 && load.givenUpItems() == 0;
  }
}
