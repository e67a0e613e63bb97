package io.otelring.exporter.sending;

import java.io.IOException;

/**
 * A storage extension a sending queue can be made persistent with ({@code sending_queue.storage}),
 * such as {@code file_storage}.
 */
public interface QueueStorage {

  /**
   * Opens the log of one queue, named after its owner (e.g. {@code exporter_otlp_tempo}).
   *
   * @throws IOException when it cannot be opened, e.g. because another process holds it
   */
  RecordLog open(String name) throws IOException;
}
