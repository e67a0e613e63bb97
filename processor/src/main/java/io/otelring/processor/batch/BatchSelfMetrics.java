package io.otelring.processor.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Signal;
import java.util.function.IntSupplier;

/**
 * The processor's self-metrics, named, tagged ({@code processor}) and bucketed as the Go
 * collector's {@code batchprocessor} names them, plus a count of items whose send failed, which Go
 * only logs. Meters are shared by every pipeline that lists the same processor id, as in Go.
 */
final class BatchSelfMetrics {

  /** Why a batch was sent. A shutdown flush counts as a timeout, as in Go. */
  enum Trigger {
    TIMEOUT,
    BATCH_SIZE
  }

  // The bucket boundaries of Go's metadata.yaml.
  private static final double[] SEND_SIZE_BUCKETS = {
    10, 25, 50, 75, 100, 250, 500, 750, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000,
    20000, 30000, 50000, 100000
  };
  private static final double[] SEND_SIZE_BYTES_BUCKETS = {
    128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576,
    2097152, 4194304, 8388608, 16777216
  };

  private final Counter timeoutTriggerSend;
  private final Counter batchSizeTriggerSend;
  private final DistributionSummary sendSize;
  private final DistributionSummary sendSizeBytes;
  private final Counter sendFailedItems;

  BatchSelfMetrics(
      MeterRegistry meters, ComponentId id, Signal signal, IntSupplier metadataCardinality) {
    Tags tags = Tags.of("processor", id.toString());
    timeoutTriggerSend =
        Counter.builder("otelcol_processor_batch_timeout_trigger_send")
            .description("Number of times the batch was sent due to a timeout trigger")
            .tags(tags)
            .register(meters);
    batchSizeTriggerSend =
        Counter.builder("otelcol_processor_batch_batch_size_trigger_send")
            .description("Number of times the batch was sent due to a size trigger")
            .tags(tags)
            .register(meters);
    sendSize =
        DistributionSummary.builder("otelcol_processor_batch_batch_send_size")
            .description("Number of units in the batch")
            .serviceLevelObjectives(SEND_SIZE_BUCKETS)
            .tags(tags)
            .register(meters);
    sendSizeBytes =
        DistributionSummary.builder("otelcol_processor_batch_batch_send_size_bytes")
            .description("Number of bytes in batch that was sent")
            .baseUnit("bytes")
            .serviceLevelObjectives(SEND_SIZE_BYTES_BUCKETS)
            .tags(tags)
            .register(meters);
    sendFailedItems =
        Counter.builder("otelring_processor_batch_send_failed_" + signal.itemNoun())
            .description("Number of items in batches the next consumer refused")
            .tags(tags)
            .register(meters);
    // A processor id listed in several pipelines makes one processor per pipeline; the first one
    // registered reports the cardinality (Micrometer keeps one function per gauge, and would warn
    // about the others). A supplier gauge holds its function strongly.
    String cardinality = "otelcol_processor_batch_metadata_cardinality";
    if (meters.find(cardinality).tags(tags).gauge() == null) {
      Gauge.builder(cardinality, () -> metadataCardinality.getAsInt())
          .description("Number of distinct metadata value combinations being processed")
          .tags(tags)
          .register(meters);
    }
  }

  /** Records a batch the next consumer accepted. */
  void recordSend(Trigger trigger, int items, int bytes) {
    (trigger == Trigger.TIMEOUT ? timeoutTriggerSend : batchSizeTriggerSend).increment();
    sendSize.record(items);
    sendSizeBytes.record(bytes);
  }

  void recordSendFailure(int items) {
    sendFailedItems.increment(items);
  }
}
