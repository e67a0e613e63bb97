package io.otelring.core.component;

import java.time.Duration;

/**
 * Start and stop. {@code start} fails fast (an exception stops the collector's startup); {@code
 * shutdown} is idempotent, safe without {@code start}, flushes what was accepted and returns by the
 * deadline it is given.
 */
public interface Lifecycle {

  default void start() throws Exception {}

  default void shutdown(Duration deadline) throws Exception {}
}
