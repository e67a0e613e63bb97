package io.otelring.exporter.sending;

import io.otelring.core.component.Lifecycle;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;

/**
 * The one thing an exporter implements: send this batch to the backend, now, on the calling worker
 * thread. Queueing, retries and splitting are done around it. {@link #start} opens connections and
 * {@link #shutdown} closes them.
 */
public interface Push extends Lifecycle {

  /**
   * Sends one request and waits for the answer.
   *
   * @param timeout how long the attempt may take; zero means no limit
   * @return what the backend accepted: all of it, or a partial success
   * @throws Refusal what the backend answered instead, mapped by {@code WireStatus}; a network
   *     failure or a timeout is retryable
   */
  Delivery push(Telemetry batch, Duration timeout);

  /**
   * The backend's answer to a request it took.
   *
   * @param rejected items the backend rejected in a partial success (0: all accepted)
   * @param message the backend's partial success message, or empty
   */
  record Delivery(long rejected, String message) {
    public static final Delivery ALL = new Delivery(0, "");
  }
}
