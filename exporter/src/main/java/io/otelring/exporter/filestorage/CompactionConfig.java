package io.otelring.exporter.filestorage;

import java.time.Duration;
import java.util.List;

/**
 * {@code file_storage::compaction}, with the keys and defaults of the Go extension, so that its
 * configs load unchanged. Go stores queues in a bbolt file that only shrinks when compacted;
 * otelring's segment files are deleted as soon as every record in them is sent, so there is nothing
 * to compact: the keys are checked as Go checks them and otherwise have no effect.
 */
public record CompactionConfig(
    Boolean onStart,
    Boolean onRebound,
    String directory,
    Long reboundNeededThresholdMib,
    Long reboundTriggerThresholdMib,
    Long maxTransactionSize,
    Duration checkInterval,
    Boolean cleanupOnStart) {

  public CompactionConfig {
    onStart = onStart != null && onStart;
    onRebound = onRebound != null && onRebound;
    directory = directory == null ? FileStorageConfig.DEFAULT_DIRECTORY : directory;
    reboundNeededThresholdMib = reboundNeededThresholdMib == null ? 512 : reboundNeededThresholdMib;
    reboundTriggerThresholdMib =
        reboundTriggerThresholdMib == null ? 10 : reboundTriggerThresholdMib;
    maxTransactionSize = maxTransactionSize == null ? 65_536 : maxTransactionSize;
    checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
    cleanupOnStart = cleanupOnStart != null && cleanupOnStart;
  }

  static CompactionConfig defaults() {
    return new CompactionConfig(null, null, null, null, null, null, null, null);
  }

  /** Whether the config asks for any compaction, which otelring then says it does not need. */
  boolean requested() {
    return onStart || onRebound;
  }

  void validate(String path, List<String> problems) {
    if (maxTransactionSize < 0) {
      problems.add(path + "::max_transaction_size: must not be negative");
    }
    if (onRebound && (checkInterval.isNegative() || checkInterval.isZero())) {
      problems.add(path + "::check_interval: must be positive when on_rebound is set");
    }
  }
}
