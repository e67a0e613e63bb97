package io.otelring.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every component receives when it is created: who it is, where it counts, where it logs.
 *
 * @param id the component's id from the config
 * @param kind receiver, processor, exporter or extension
 * @param meters the collector's registry; name meters as the Go collector does
 * @param logger a logger named after the component, e.g. {@code otelring.exporter.otlp/tempo}
 * @param resource the collector's own telemetry resource ({@code service.name}, {@code
 *     service.version}, {@code service.instance.id}), as the Go collector attaches it to its logs
 */
public record ComponentSettings(
    ComponentId id, Kind kind, MeterRegistry meters, Logger logger, Map<String, String> resource) {

  public ComponentSettings {
    resource = Map.copyOf(resource);
  }

  public static ComponentSettings of(ComponentId id, Kind kind, MeterRegistry meters) {
    return of(id, kind, meters, Map.of());
  }

  public static ComponentSettings of(
      ComponentId id, Kind kind, MeterRegistry meters, Map<String, String> resource) {
    return new ComponentSettings(
        id,
        kind,
        meters,
        LoggerFactory.getLogger("otelring." + kind.singular() + "." + id),
        resource);
  }
}
