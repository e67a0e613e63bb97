package io.otelring.exporter.sending;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sending_queue.batch}: the exporter merges what its queue holds into requests of at least
 * {@code min_size} (and at most {@code max_size}, when set), and sends what it has once {@code
 * flush_timeout} passed since that batch began — Go's exporterhelper batching, with its defaults
 * (200 ms, items, 8192, no maximum). With {@code partition.metadata_keys}, one batch per
 * combination of those client metadata values.
 *
 * @param enabled false turns the section off, as Go's optional sections read {@code enabled}
 * @param sizer {@code items} or {@code bytes}; null here means "as the queue's sizer, if that was
 *     set", resolved by {@link QueueConfig}
 */
@JsonDeserialize(using = QueueBatchConfig.Section.class)
public record QueueBatchConfig(
    Boolean enabled,
    Duration flushTimeout,
    String sizer,
    Long minSize,
    Long maxSize,
    Partition partition) {

  public QueueBatchConfig {
    enabled = enabled == null || enabled;
    flushTimeout = flushTimeout == null ? Duration.ofMillis(200) : flushTimeout;
    minSize = minSize == null ? 8192 : minSize;
    maxSize = maxSize == null ? 0 : maxSize;
    partition = partition == null ? new Partition(null) : partition;
  }

  /** What {@code batch:} with no value means: every default, items sizer. */
  public static QueueBatchConfig defaults() {
    return new QueueBatchConfig(null, null, "items", null, null, null);
  }

  QueueBatchConfig withSizer(String resolved) {
    return new QueueBatchConfig(enabled, flushTimeout, resolved, minSize, maxSize, partition);
  }

  /**
   * @param metadataKeys client metadata keys (any case) whose values pick the batch
   */
  public record Partition(List<String> metadataKeys) {
    public Partition {
      metadataKeys = metadataKeys == null ? List.of() : List.copyOf(metadataKeys);
    }
  }

  /** Go's checks, under {@code path} (the batch section's). */
  void validate(String path, List<String> problems) {
    if (!sizer.equals("items") && !sizer.equals("bytes")) {
      problems.add(
          path
              + "::sizer: `batch` supports only `items` or `bytes` sizer, found \""
              + sizer
              + "\"");
    }
    if (flushTimeout.isNegative() || flushTimeout.isZero()) {
      problems.add(
          path
              + "::flush_timeout: `flush_timeout` must be positive, found "
              + flushTimeout.toNanos());
    }
    if (minSize < 0) {
      problems.add(path + "::min_size: `min_size` must be non-negative, found " + minSize);
    }
    if (maxSize < 0) {
      problems.add(path + "::max_size: `max_size` must be non-negative, found " + maxSize);
    }
    if (maxSize > 0 && maxSize < minSize) {
      problems.add(
          path
              + "::max_size: `max_size` ("
              + maxSize
              + ") must be greater or equal to `min_size` ("
              + minSize
              + ")");
    }
    Set<String> seen = new HashSet<>();
    for (String key : partition.metadataKeys()) {
      String lower = key.toLowerCase(Locale.ROOT);
      if (!seen.add(lower)) {
        problems.add(
            path
                + "::partition::metadata_keys: duplicate entry in metadata_keys: \""
                + lower
                + "\" (case-insensitive)");
      }
    }
  }

  /** The section's keys as written, bound by Jackson as usual (unknown keys still fail). */
  private record Keys(
      Boolean enabled,
      Duration flushTimeout,
      String sizer,
      Long minSize,
      Long maxSize,
      Partition partition) {}

  /** {@code batch} as Go's optional: absent is off, present with no value every default. */
  static final class Section extends OptionalSection<QueueBatchConfig, Keys> {
    Section() {
      super(
          QueueBatchConfig.class,
          Keys.class,
          // QueueConfig drops a section that is not enabled.
          keys ->
              new QueueBatchConfig(
                  keys.enabled(),
                  keys.flushTimeout(),
                  keys.sizer(),
                  keys.minSize(),
                  keys.maxSize(),
                  keys.partition()),
          QueueBatchConfig::defaults);
    }
  }
}
