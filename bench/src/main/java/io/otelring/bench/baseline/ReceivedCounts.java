package io.otelring.bench.baseline;

import io.otelring.core.component.Signal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Items a server received, per signal, and its requests. */
public final class ReceivedCounts {

  private final Map<Signal, LongAdder> items = new EnumMap<>(Signal.class);
  private final LongAdder requests = new LongAdder();

  public ReceivedCounts() {
    for (Signal signal : Signal.values()) {
      items.put(signal, new LongAdder());
    }
  }

  void add(Signal signal, int count) {
    items.get(signal).add(count);
    requests.increment();
  }

  public long items(Signal signal) {
    return items.get(signal).sum();
  }

  public long requests() {
    return requests.sum();
  }

  /** The counts as the stats endpoint serves them: one {@code name value} line each. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Signal signal : Signal.values()) {
      text.append(signal.configName()).append(' ').append(items(signal)).append('\n');
    }
    return text.append("requests ").append(requests()).append('\n').toString();
  }
}
