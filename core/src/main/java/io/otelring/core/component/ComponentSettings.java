package io.otelring.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every component receives when it is created: who it is, where it counts, where it logs.
 *
 * @param id the component's id from the config
 * @param kind receiver, processor, exporter or extension
 * @param meters the collector's registry; name meters as the Go collector does
 * @param logger a logger named after the component, e.g. {@code otelring.exporter.otlp/tempo}
 */
public record ComponentSettings(ComponentId id, Kind kind, MeterRegistry meters, Logger logger) {

  public static ComponentSettings of(ComponentId id, Kind kind, MeterRegistry meters) {
    return new ComponentSettings(
        id, kind, meters, LoggerFactory.getLogger("otelring." + kind.singular() + "." + id));
  }
}
