package io.otelring.core.config;

import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Factory;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

  /** Whether {@code id} in a pipeline's receivers or exporters is a connector. */
  public boolean isConnector(ComponentId id) {
    return of(Kind.CONNECTOR).containsKey(id);
  }

  /**
   * The connector through which {@code from} feeds {@code to}: the first of {@code from}'s
   * exporters that {@code to} receives from and that connects their signals.
   */
  public Optional<ComponentId> connectorBetween(Pipeline from, Pipeline to) {
    for (ComponentId id : from.exporters()) {
      Bound bound = of(Kind.CONNECTOR).get(id);
      if (bound != null
          && to.receivers().contains(id)
          && ((ConnectorFactory<?>) bound.factory()).connects(from.signal(), to.signal())) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  /** The pipelines {@code from} feeds through connectors. */
  public List<Pipeline> fedBy(Pipeline from) {
    return pipelines.stream().filter(to -> connectorBetween(from, to).isPresent()).toList();
  }

  /**
   * The pipelines, each before every pipeline it feeds through connectors (loading has refused
   * cycles).
   */
  public List<Pipeline> upstreamFirst() {
    Deque<Pipeline> order = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    for (Pipeline pipeline : pipelines) {
      visit(pipeline, visited, order);
    }
    return List.copyOf(order);
  }

  private void visit(Pipeline pipeline, Set<String> visited, Deque<Pipeline> order) {
    if (!visited.add(pipeline.id())) {
      return;
    }
    for (Pipeline fed : fedBy(pipeline)) {
      visit(fed, visited, order);
    }
    order.addFirst(pipeline); // after everything it feeds has been placed behind it
  }
}
