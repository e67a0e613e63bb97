package io.otelring.exporter.sending;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.otelring.core.component.ComponentId;
import java.util.List;

/**
 * {@code sending_queue}, with the keys and defaults of Go's exporterhelper queue: 10 consumers, up
 * to 1000 requests (or items, or bytes, by {@code sizer}), a full queue refuses (retryable) unless
 * {@code block_on_overflow}; {@code storage} names a {@code file_storage} extension that makes the
 * queue persistent; {@code batch} merges queued requests before they are sent. What the queue holds
 * counts until it was sent, as in Go: waiting, being batched or in flight.
 *
 * @param sizer as written; null when not set (then {@code requests})
 * @param waitForResult the consume stage completes only when the batch was sent
 * @param batch the exporter's batching, or null when off
 */
@JsonDeserialize(using = QueueConfig.Section.class)
public record QueueConfig(
    Boolean enabled,
    Integer numConsumers,
    Integer queueSize,
    Boolean blockOnOverflow,
    String storage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sizer,
    Boolean waitForResult,
    @JsonInclude(JsonInclude.Include.NON_NULL) QueueBatchConfig batch) {

  public QueueConfig {
    enabled = enabled == null || enabled;
    numConsumers = numConsumers == null ? 10 : numConsumers;
    queueSize = queueSize == null ? 1000 : queueSize;
    blockOnOverflow = blockOnOverflow != null && blockOnOverflow;
    storage = storage == null ? "" : storage;
    sizer = sizer == null || sizer.isEmpty() ? null : sizer;
    waitForResult = waitForResult != null && waitForResult;
    if (batch != null && !batch.enabled()) {
      batch = null;
    }
    // Go: a batch section that names no sizer measures as the queue does, when the queue's is set.
    if (batch != null && batch.sizer() == null) {
      batch = batch.withSizer(sizer != null ? sizer : "items");
    }
  }

  public static QueueConfig defaults() {
    return new QueueConfig(null, null, null, null, null, null, null, null);
  }

  public boolean persistent() {
    return enabled && !storage.isEmpty();
  }

  /** True when queued requests are merged before they are sent. */
  public boolean batching() {
    return enabled && batch != null;
  }

  /** How {@code queue_size} is measured; call after {@link #validate} found no problem. */
  public Sizer queueSizer() {
    return sizer == null ? Sizer.REQUESTS : Sizer.parse(sizer);
  }

  /** For the exporter's start line: what the queue holds and how it batches. */
  public String describe() {
    if (!enabled) {
      return "disabled";
    }
    String text =
        queueSize
            + " "
            + queueSizer().configName()
            + ", "
            + numConsumers
            + " consumers"
            + (persistent() ? ", persistent in " + storage : "");
    if (batch != null) {
      text +=
          ", batches of "
              + batch.minSize()
              + (batch.maxSize() > 0 ? "-" + batch.maxSize() : "+")
              + " "
              + batch.sizer()
              + " or after "
              + batch.flushTimeout().toMillis()
              + "ms";
    }
    return text;
  }

  /** Go's checks (only when enabled), under {@code path}. */
  public void validate(String path, List<String> problems) {
    if (!enabled) {
      return;
    }
    if (numConsumers <= 0) {
      problems.add(path + "::num_consumers: must be positive");
    }
    if (queueSize <= 0) {
      problems.add(path + "::queue_size: must be positive");
    }
    Sizer queueSizer = null;
    try {
      queueSizer = queueSizer();
    } catch (IllegalArgumentException e) {
      problems.add(path + "::sizer: " + e.getMessage());
    }
    if (!storage.isEmpty() && queueSizer != null && queueSizer != Sizer.REQUESTS) {
      problems.add(
          path
              + "::sizer: a persistent queue (storage) counts requests in otelring; \""
              + sizer
              + "\" is not supported with it");
    }
    if (!storage.isEmpty() && waitForResult) {
      problems.add(
          path
              + ": `wait_for_result` is not supported with a persistent queue configured with"
              + " `storage`");
    }
    if (!storage.isEmpty()) {
      try {
        ComponentId.parse(storage);
      } catch (IllegalArgumentException e) {
        problems.add(path + "::storage: " + e.getMessage());
      }
    }
    if (batch != null) {
      batch.validate(path + "::batch", problems);
      // Go: a queue that cannot hold one batch's minimum would never send by size.
      if (queueSizer != null
          && batch.sizer().equals(queueSizer.configName())
          && batch.minSize() > queueSize) {
        problems.add(
            path + "::batch::min_size: `min_size` must be less than or equal to `queue_size`");
      }
    }
  }

  /** The section's keys as written, bound by Jackson as usual (unknown keys still fail). */
  private record Keys(
      Boolean enabled,
      Integer numConsumers,
      Integer queueSize,
      Boolean blockOnOverflow,
      String storage,
      String sizer,
      Boolean waitForResult,
      QueueBatchConfig batch) {}

  /**
   * {@code sending_queue} as Go's optional: present with no value is every default; absent is null,
   * which an exporter without a queue by default (debug) reads as no queue.
   */
  static final class Section extends OptionalSection<QueueConfig, Keys> {
    Section() {
      super(
          QueueConfig.class,
          Keys.class,
          keys ->
              new QueueConfig(
                  keys.enabled(),
                  keys.numConsumers(),
                  keys.queueSize(),
                  keys.blockOnOverflow(),
                  keys.storage(),
                  keys.sizer(),
                  keys.waitForResult(),
                  keys.batch()),
          QueueConfig::defaults);
    }
  }
}
