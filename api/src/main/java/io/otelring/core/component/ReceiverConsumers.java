package io.otelring.core.component;

import io.otelring.core.consumer.Consumer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a receiver sends each signal: one consumer per signal that has a pipeline listing the
 * receiver (it fans out to all such pipelines), none for the others.
 */
public final class ReceiverConsumers {

  private final Map<Signal, Consumer> bySignal;

  public ReceiverConsumers(Map<Signal, Consumer> bySignal) {
    this.bySignal = bySignal.isEmpty() ? Map.of() : new EnumMap<>(bySignal);
  }

  /** The consumer for a signal, or empty when no pipeline of that signal lists the receiver. */
  public Optional<Consumer> forSignal(Signal signal) {
    return Optional.ofNullable(bySignal.get(signal));
  }
}
