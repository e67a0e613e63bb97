package io.otelring.core.config;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.config.CollectorConfig.Bound;
import io.otelring.core.config.CollectorConfig.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How pipelines use connectors, checked with the Go collector's rules and messages: a connector's
 * id may not also name a receiver or an exporter; each signal it takes in as an exporter needs a
 * pipeline that receives from it in a signal it connects to, and the other way round; and the
 * pipelines that connectors join may not form a cycle.
 */
final class ConnectorUse {

  private ConnectorUse() {}

  static void checkIdsAreUnambiguous(
      Map<Kind, Map<ComponentId, Bound>> components, Locations where, List<String> problems) {
    for (ComponentId id : components.get(Kind.CONNECTOR).keySet()) {
      for (Kind other : List.of(Kind.EXPORTER, Kind.RECEIVER)) {
        if (components.get(other).containsKey(id)) {
          String message =
              ("ambiguous ID: Found both \"%1$s\" %2$s and \"%1$s\" connector. Change one of the"
                      + " components' IDs to eliminate ambiguity (e.g. rename \"%1$s\" connector"
                      + " to \"%1$s/connector\")")
                  .formatted(id, other.singular());
          problems.add(where.problem("connectors::" + id, message));
        }
      }
    }
  }

  static void check(CollectorConfig config, Locations where, List<String> problems) {
    config
        .of(Kind.CONNECTOR)
        .forEach(
            (id, bound) -> {
              ConnectorFactory<?> factory = (ConnectorFactory<?>) bound.factory();
              List<Pipeline> exporting = using(config, id, Pipeline::exporters);
              List<Pipeline> receiving = using(config, id, Pipeline::receivers);
              for (Signal from : signals(exporting)) {
                if (receiving.stream().noneMatch(r -> factory.connects(from, r.signal()))) {
                  problems.add(
                      where.problem(
                          "connectors::" + id,
                          "connector \"%s\" used as exporter in %s pipeline but not used in any supported receiver pipeline"
                              .formatted(id, names(exporting, from))));
                }
              }
              for (Signal to : signals(receiving)) {
                if (exporting.stream().noneMatch(e -> factory.connects(e.signal(), to))) {
                  problems.add(
                      where.problem(
                          "connectors::" + id,
                          "connector \"%s\" used as receiver in %s pipeline but not used in any supported exporter pipeline"
                              .formatted(id, names(receiving, to))));
                }
              }
            });
    String cycle = firstCycle(config);
    if (cycle != null) {
      problems.add(where.problem("service::pipelines", "cycle detected: " + cycle));
    }
  }

  private static List<Pipeline> using(
      CollectorConfig config, ComponentId id, Function<Pipeline, List<ComponentId>> list) {
    return config.pipelines().stream().filter(p -> list.apply(p).contains(id)).toList();
  }

  private static List<Signal> signals(List<Pipeline> pipelines) {
    return List.of(Signal.values()).stream()
        .filter(s -> pipelines.stream().anyMatch(p -> p.signal() == s))
        .toList();
  }

  /** Go prints the ids of a signal's pipelines as a list: {@code [traces traces/b]}. */
  private static String names(List<Pipeline> pipelines, Signal signal) {
    return pipelines.stream()
        .filter(p -> p.signal() == signal)
        .map(Pipeline::id)
        .toList()
        .toString()
        .replace(", ", " ");
  }

  /**
   * The first cycle among the pipelines, as Go describes one: from a connector, through the
   * processors of each pipeline on the way, back to that connector; null when there is none.
   */
  private static String firstCycle(CollectorConfig config) {
    List<Pipeline> path = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Pipeline start : config.pipelines()) {
      List<Pipeline> cycle = search(config, start, path, done);
      if (cycle != null) {
        return describe(config, cycle);
      }
    }
    return null;
  }

  /** Depth first; returns the pipelines of a cycle, its first repeated at its end. */
  private static List<Pipeline> search(
      CollectorConfig config, Pipeline pipeline, List<Pipeline> path, List<String> done) {
    int onPath = path.indexOf(pipeline);
    if (onPath >= 0) {
      List<Pipeline> cycle = new ArrayList<>(path.subList(onPath, path.size()));
      cycle.add(pipeline);
      return cycle;
    }
    if (done.contains(pipeline.id())) {
      return null;
    }
    path.add(pipeline);
    for (Pipeline fed : config.fedBy(pipeline)) {
      List<Pipeline> cycle = search(config, fed, path, done);
      if (cycle != null) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(pipeline.id());
    return null;
  }

  private static String describe(CollectorConfig config, List<Pipeline> cycle) {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      Pipeline from = cycle.get(i);
      Pipeline to = cycle.get(i + 1);
      ComponentId connector = config.connectorBetween(from, to).orElseThrow();
      steps.add(
          "connector \"%s\" (%s to %s)"
              .formatted(connector, from.signal().configName(), to.signal().configName()));
      for (ComponentId processor : to.processors()) {
        steps.add("processor \"%s\" in pipeline \"%s\"".formatted(processor, to.id()));
      }
    }
    steps.add(steps.get(0));
    return String.join(" -> ", steps);
  }
}
