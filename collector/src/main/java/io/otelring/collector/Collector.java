package io.otelring.collector;

import io.otelring.collector.telemetry.SelfMetrics;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigException;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.pipeline.PipelineGraph;
import io.otelring.core.pipeline.RingOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running collector: its self-metrics endpoint and its pipeline graph, built from config. The
 * command line runs one; tests start one in-process from YAML.
 */
public final class Collector implements AutoCloseable {

  /** How long shutdown may take in all: receivers, drain, flush, exporters. */
  public static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(30);

  private final SelfMetrics metrics;
  private final PipelineGraph graph;

  private Collector(SelfMetrics metrics, PipelineGraph graph) {
    this.metrics = metrics;
    this.graph = graph;
  }

  /**
   * Loads and validates the config, with the plugins found beside it (nothing listens yet).
   *
   * @see Setup#load
   */
  public static CollectorConfig load(List<String> sources) throws ConfigException {
    return Setup.load(sources, null).config();
  }

  /** Builds and starts a collector from an already loaded config. */
  public static Collector start(CollectorConfig config, RingOptions ring) throws Exception {
    Map<String, String> resource =
        Map.of(
            "service.name", "otelring",
            "service.version", Version.get(),
            "service.instance.id", UUID.randomUUID().toString());
    SelfMetrics metrics =
        new SelfMetrics(config.service().telemetry().metrics().prometheusAddress(), resource);
    PipelineGraph graph;
    try {
      metrics.start();
      graph = PipelineGraph.build(config, metrics.registry(), ring, resource);
    } catch (Exception e) {
      metrics.close();
      throw e;
    }
    Collector collector = new Collector(metrics, graph);
    try {
      graph.start();
    } catch (Exception e) {
      collector.close();
      throw e;
    }
    return collector;
  }

  /**
   * Starts a collector from YAML text, for tests and embedding: the built-in components plus any
   * given factories (an embedding application's own components).
   */
  public static Collector startYaml(String yaml, RingOptions ring, Factory<?>... extra)
      throws Exception {
    List<Factory<?>> factories = new ArrayList<>(BuiltInComponents.list());
    factories.addAll(List.of(extra));
    CollectorConfig config =
        new ConfigLoader(Factories.of(factories, BuiltInComponents.aliases()))
            .load(ConfigSource.ofYaml("inline", yaml));
    return start(config, ring);
  }

  public SelfMetrics metrics() {
    return metrics;
  }

  public boolean running() {
    return graph.pipelinesRunning();
  }

  /** Stops in order within {@link #SHUTDOWN_DEADLINE}; idempotent. */
  @Override
  public void close() {
    graph.shutdown(SHUTDOWN_DEADLINE);
    metrics.close();
  }
}
