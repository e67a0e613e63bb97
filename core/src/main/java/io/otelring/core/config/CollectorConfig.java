package io.otelring.core.config;

import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Factory;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded, bound and validated configuration: every configured component with its factory and
 * config record, and the service section. Ids keep the type as written (an alias stays an alias in
 * logs and metric tags); the factory is the canonical one.
 */
public record CollectorConfig(
    Map<Kind, Map<ComponentId, Bound>> components,
    ServiceConfig service,
    List<Pipeline> pipelines) {

  public CollectorConfig {
    EnumMap<Kind, Map<ComponentId, Bound>> copy = new EnumMap<>(Kind.class);
    components.forEach((kind, map) -> copy.put(kind, Map.copyOf(map)));
    components = copy;
    pipelines = List.copyOf(pipelines);
  }

  /** A configured component: its id, its factory and its validated config. */
  public record Bound(ComponentId id, Factory<?> factory, ComponentConfig config) {}

  /** A pipeline with its signal and its components' ids, in order. */
  public record Pipeline(
      String id,
      Signal signal,
      List<ComponentId> receivers,
      List<ComponentId> processors,
      List<ComponentId> exporters) {}

  public Map<ComponentId, Bound> of(Kind kind) {
    return components.getOrDefault(kind, Map.of());
  }

  public Bound get(Kind kind, ComponentId id) {
    Bound bound = of(kind).get(id);
    if (bound == null) {
      throw new IllegalArgumentException("no " + kind.singular() + " " + id);
    }
    return bound;
  }
}
