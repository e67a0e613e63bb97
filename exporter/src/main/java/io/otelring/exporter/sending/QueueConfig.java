package io.otelring.exporter.sending;

import java.util.List;

/**
 * {@code sending_queue}, with the keys and defaults of Go's exporterhelper queue: 10 consumers, up
 * to 1000 batches, a full queue refuses (retryable) unless {@code block_on_overflow}; {@code
 * storage} names a {@code file_storage} extension that makes the queue persistent. Only the {@code
 * requests} sizer is supported; Go's {@code batch} section is not (batch with the batch processor).
 *
 * @param waitForResult the consume stage completes only when the batch was sent
 */
public record QueueConfig(
    Boolean enabled,
    Integer numConsumers,
    Integer queueSize,
    Boolean blockOnOverflow,
    String storage,
    String sizer,
    Boolean waitForResult) {

  public QueueConfig {
    enabled = enabled == null || enabled;
    numConsumers = numConsumers == null ? 10 : numConsumers;
    queueSize = queueSize == null ? 1000 : queueSize;
    blockOnOverflow = blockOnOverflow != null && blockOnOverflow;
    storage = storage == null ? "" : storage;
    sizer = sizer == null || sizer.isEmpty() ? "requests" : sizer;
    waitForResult = waitForResult != null && waitForResult;
  }

  public static QueueConfig defaults() {
    return new QueueConfig(null, null, null, null, null, null, null);
  }

  public boolean persistent() {
    return enabled && !storage.isEmpty();
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
    if (!sizer.equals("requests")) {
      problems.add(path + "::sizer: only \"requests\" is supported, got \"" + sizer + "\"");
    }
    if (!storage.isEmpty() && waitForResult) {
      problems.add(
          path
              + ": `wait_for_result` is not supported with a persistent queue configured with"
              + " `storage`");
    }
    if (!storage.isEmpty()) {
      try {
        io.otelring.core.component.ComponentId.parse(storage);
      } catch (IllegalArgumentException e) {
        problems.add(path + "::storage: " + e.getMessage());
      }
    }
  }
}
