package io.otelring.exporter.sending;

import io.otelring.core.consumer.Telemetry;
import java.util.Locale;

/**
 * How a sending queue or its batcher measures what it holds, as Go's exporterhelper {@code sizer}:
 * in requests, in items (spans, data points, log records) or in bytes of the OTLP request.
 */
public enum Sizer {
  REQUESTS,
  ITEMS,
  BYTES;

  /**
   * The size of one request. A request without items has size 0 under the items and bytes sizers
   * (Go's queue then takes it as done at once) and 1 under the requests sizer.
   */
  public long sizeOf(Telemetry telemetry) {
    return switch (this) {
      case REQUESTS -> 1;
      case ITEMS -> telemetry.itemCount();
      case BYTES -> telemetry.itemCount() == 0 ? 0 : telemetry.serializedSize();
    };
  }

  /** The name used in YAML. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The sizer named in YAML.
   *
   * @throws IllegalArgumentException with Go's message for an unknown name
   */
  public static Sizer parse(String name) {
    for (Sizer sizer : values()) {
      if (sizer.configName().equals(name)) {
        return sizer;
      }
    }
    throw new IllegalArgumentException("invalid sizer: \"" + name + "\"");
  }
}
