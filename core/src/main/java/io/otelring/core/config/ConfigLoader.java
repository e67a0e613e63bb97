package io.otelring.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.config.CollectorConfig.Bound;
import io.otelring.core.config.CollectorConfig.Pipeline;
import io.otelring.core.config.ServiceConfig.PipelineConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a config tree into a {@link CollectorConfig}, reporting every problem at once: unknown
 * sections, unknown component types, unknown or invalid keys, pipelines that reference what is not
 * configured. Components that no pipeline uses are allowed, as in the Go collector.
 */
public final class ConfigLoader {

  private static final Set<String> SECTIONS =
      Set.of("receivers", "processors", "exporters", "extensions", "connectors", "service");

  private final Factories factories;
  private final ComponentConfigBinder binder = new ComponentConfigBinder();

  public ConfigLoader(Factories factories) {
    this.factories = factories;
  }

  /** Reads, merges and binds the given config sources. */
  public CollectorConfig load(List<String> sources) throws ConfigException {
    return load(ConfigSource.load(sources));
  }

  public CollectorConfig load(ConfigSource source) throws ConfigException {
    ObjectNode root = source.root();
    Locations where = source.locations();
    List<String> problems = new ArrayList<>();

    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!SECTIONS.contains(name)) {
                String hint = Suggestions.closest(name, SECTIONS);
                problems.add(
                    where.problem(
                        name,
                        "unknown top-level key"
                            + (hint == null ? "" : "; did you mean \"" + hint + "\"?")));
              }
            });
    Map<Kind, Map<ComponentId, Bound>> components = new EnumMap<>(Kind.class);
    Set<String> broken = new HashSet<>();
    for (Kind kind : Kind.values()) {
      components.put(kind, bindSection(kind, root.path(kind.section()), where, problems, broken));
    }
    ConnectorUse.checkIdsAreUnambiguous(components, where, problems);

    var service = binder.bind(ServiceConfig.class, ServiceConfig.defaults(), root.get("service"));
    service.problems().forEach(p -> problems.add(where.problem(join("service", p), message(p))));
    List<Pipeline> pipelines = new ArrayList<>();
    if (service.ok()) {
      checkExtensions(service.config(), components.get(Kind.EXTENSION), where, problems);
      service
          .config()
          .pipelines()
          .forEach(
              (id, pipeline) -> {
                Pipeline resolved =
                    resolvePipeline(id, pipeline, components, broken, where, problems);
                if (resolved != null) {
                  pipelines.add(resolved);
                }
              });
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    CollectorConfig config = new CollectorConfig(components, service.config(), pipelines);
    ConnectorUse.check(config, where, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * Binds one section. Ids that are configured but could not be bound go into {@code broken}, so
   * that pipelines referencing them are not reported a second time.
   */
  private Map<ComponentId, Bound> bindSection(
      Kind kind, JsonNode section, Locations where, List<String> problems, Set<String> broken) {
    Map<ComponentId, Bound> bound = new LinkedHashMap<>();
    if (section.isMissingNode() || section.isNull()) {
      return bound;
    }
    if (!section.isObject()) {
      problems.add(where.problem(kind.section(), "must be a map of components"));
      return bound;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = section.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = kind.section() + "::" + entry.getKey();
      ComponentId id;
      try {
        id = ComponentId.parse(entry.getKey());
      } catch (IllegalArgumentException e) {
        problems.add(where.problem(path, "invalid id: " + e.getMessage()));
        broken.add(kind.singular() + " " + entry.getKey());
        continue;
      }
      Factory<?> factory = factories.find(kind, id.type()).orElse(null);
      String aliasOf = factories.aliasTarget(kind, id.type()).orElse(null);
      if (factory == null && aliasOf != null) {
        problems.add(
            where.problem(
                path,
                "unknown type \""
                    + id.type()
                    + "\": it is an alias of \""
                    + aliasOf
                    + "\", which this build does not have yet"));
        broken.add(kind.singular() + " " + id);
        continue;
      }
      if (factory == null) {
        problems.add(
            where.problem(
                path,
                "unknown type \""
                    + id.type()
                    + "\"; known "
                    + kind.singular()
                    + " types: "
                    + String.join(", ", factories.names(kind))));
        broken.add(kind.singular() + " " + id);
        continue;
      }
      ComponentConfigBinder.Result<? extends ComponentConfig> result =
          bindWith(factory, entry.getValue());
      if (result.ok()) {
        bound.put(id, new Bound(id, factory, result.config()));
      } else {
        result.problems().forEach(p -> problems.add(where.problem(join(path, p), message(p))));
        broken.add(kind.singular() + " " + id);
      }
    }
    return bound;
  }

  private <C extends ComponentConfig> ComponentConfigBinder.Result<C> bindWith(
      Factory<C> factory, JsonNode yaml) {
    return binder.bind(factory, yaml);
  }

  private void checkExtensions(
      ServiceConfig service,
      Map<ComponentId, Bound> configured,
      Locations where,
      List<String> problems) {
    for (int i = 0; i < service.extensions().size(); i++) {
      String path = "service::extensions::" + i;
      String text = service.extensions().get(i);
      if (!configured.containsKey(parseQuietly(text))) {
        problems.add(
            where.problem(path, "references extension \"" + text + "\" which is not configured"));
      }
    }
  }

  private Pipeline resolvePipeline(
      String id,
      PipelineConfig pipeline,
      Map<Kind, Map<ComponentId, Bound>> components,
      Set<String> broken,
      Locations where,
      List<String> problems) {
    String path = "service::pipelines::" + id;
    int before = problems.size();
    References references = new References(components, broken, where, problems);
    Signal signal = null;
    try {
      signal = Signal.fromConfigName(ComponentId.parse(id).type());
    } catch (IllegalArgumentException e) {
      // reported just below as an unknown signal
    }
    if (signal == null) {
      problems.add(
          where.problem(
              path,
              "unknown signal \""
                  + id.split("/", 2)[0]
                  + "\"; a pipeline id is traces, metrics or logs, optionally /name"));
      return null;
    }
    if (pipeline.receivers().isEmpty()) {
      problems.add(where.problem(path, "must have at least one receiver"));
    }
    if (pipeline.exporters().isEmpty()) {
      problems.add(where.problem(path, "must have at least one exporter"));
    }
    // A connector is listed among a pipeline's receivers or exporters.
    List<ComponentId> receivers =
        references.resolve(
            path + "::receivers", Kind.RECEIVER, Kind.CONNECTOR, pipeline.receivers(), signal);
    List<ComponentId> processors =
        references.resolve(
            path + "::processors", Kind.PROCESSOR, null, pipeline.processors(), signal);
    List<ComponentId> exporters =
        references.resolve(
            path + "::exporters", Kind.EXPORTER, Kind.CONNECTOR, pipeline.exporters(), signal);
    if (problems.size() > before) {
      return null;
    }
    return new Pipeline(id, signal, receivers, processors, exporters);
  }

  /** Resolves the ids a pipeline lists against what is configured, reporting what is not. */
  private record References(
      Map<Kind, Map<ComponentId, Bound>> components,
      Set<String> broken,
      Locations where,
      List<String> problems) {

    /**
     * @param alternative the other kind the names may be of (connectors, for receivers and
     *     exporters), or null
     */
    List<ComponentId> resolve(
        String listPath, Kind kind, Kind alternative, List<String> names, Signal signal) {
      List<ComponentId> ids = new ArrayList<>();
      Set<ComponentId> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String path = listPath + "::" + i;
        String name = names.get(i);
        ComponentId id = parseQuietly(name);
        Bound bound = id == null ? null : components.get(kind).get(id);
        if (bound == null && id != null && alternative != null) {
          bound = components.get(alternative).get(id);
        }
        if (bound == null
            && (broken.contains(kind.singular() + " " + name)
                || (alternative != null && broken.contains(alternative.singular() + " " + name)))) {
          continue; // already reported where it is configured
        }
        if (bound == null) {
          problems.add(
              where.problem(
                  path,
                  "references " + kind.singular() + " \"" + name + "\" which is not configured"));
        } else if (!seen.add(id)) {
          problems.add(
              where.problem(
                  path, "references " + kind.singular() + " \"" + id + "\" more than once"));
        } else if (!bound.factory().signals().contains(signal)) {
          problems.add(
              where.problem(
                  path,
                  bound.factory().kind().singular()
                      + " \""
                      + id
                      + "\" does not support "
                      + signal.configName()));
        } else {
          ids.add(id);
        }
      }
      return ids;
    }
  }

  private static ComponentId parseQuietly(String text) {
    try {
      return ComponentId.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The path part of a binder problem ({@code a::b: message}) joined under a prefix. */
  private static String join(String prefix, String problem) {
    int colon = problem.indexOf(": ");
    String relative = colon < 0 ? "" : problem.substring(0, colon);
    return relative.isEmpty() ? prefix : prefix + "::" + relative;
  }

  private static String message(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0 ? problem : problem.substring(colon + 2);
  }
}
