package io.otelring.core.testing;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A consumer for tests: keeps everything it is given, and refuses on command. Thread-safe, so a
 * test thread can read what a ring thread delivered.
 */
public final class RecordingConsumer implements Consumer {

  private final List<Telemetry> received = new ArrayList<>();
  private Refusal refusal;

  @Override
  public synchronized CompletionStage<Void> consume(Telemetry telemetry) {
    if (refusal != null) {
      return Consumer.refuse(refusal);
    }
    received.add(telemetry);
    return ACCEPTED;
  }

  /** From now on refuse everything with this refusal; null accepts again. */
  public synchronized void refuseWith(Refusal refusal) {
    this.refusal = refusal;
  }

  public synchronized List<Telemetry> received() {
    return List.copyOf(received);
  }

  /** The sum of the item counts received. */
  public synchronized long itemCount() {
    return received.stream().mapToLong(Telemetry::itemCount).sum();
  }

  public synchronized void clear() {
    received.clear();
  }
}
