package io.otelring.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ConnectorFactory;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.ExporterFactory;
import io.otelring.core.component.Extension;
import io.otelring.core.component.ExtensionFactory;
import io.otelring.core.component.Host;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Lifecycle;
import io.otelring.core.component.PipelineSummary;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Receiver;
import io.otelring.core.component.ReceiverConsumers;
import io.otelring.core.component.ReceiverFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.CollectorConfig.Bound;
import io.otelring.core.config.CollectorConfig.Pipeline;
import io.otelring.core.consumer.Consumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and runs the components of a config: exporters once per id, connectors once per id and
 * signal taken in, processors once per pipeline, a ring per pipeline, receivers once per id fanning
 * out to every pipeline that lists them. Starts exporters → connectors → processors → rings →
 * receivers and stops in the reverse order, draining each ring and flushing its processors —
 * upstream pipelines before those they feed through connectors — before the exporters stop, so that
 * what was accepted is sent.
 */
public final class PipelineGraph implements Host {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineGraph.class);

  private final Map<ComponentId, Extension> extensions = new LinkedHashMap<>();
  private final Map<ComponentId, Exporter> exporters = new LinkedHashMap<>();

  /** By id and the signal they take in: "forward (traces)". */
  private final Map<String, Exporter> connectors = new LinkedHashMap<>();

  /** Pipeline ids, each before those it feeds through connectors. */
  private final List<String> pipelineOrder = new ArrayList<>();

  private final Map<String, List<Processor>> processors = new LinkedHashMap<>();
  private final Map<String, PipelineRing> rings = new LinkedHashMap<>();
  private final Map<ComponentId, Receiver> receivers = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private final Map<String, String> resource;
  private final Map<Lifecycle, String> labels = new IdentityHashMap<>();
  private final Map<String, Duration> tickIntervals = new LinkedHashMap<>();
  private final List<PipelineSummary> summaries = new ArrayList<>();
  private volatile boolean running;
  private boolean stopped;

  private PipelineGraph(Map<String, String> resource) {
    this.resource = Map.copyOf(resource);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ring-ticker");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Creates every component the config names (nothing is started yet). */
  public static PipelineGraph build(CollectorConfig config, MeterRegistry meters, RingOptions ring)
      throws Exception {
    return build(config, meters, ring, Map.of());
  }

  /**
   * Creates every component the config names (nothing is started yet).
   *
   * @param resource the collector's own resource, handed to every component's settings
   */
  public static PipelineGraph build(
      CollectorConfig config, MeterRegistry meters, RingOptions ring, Map<String, String> resource)
      throws Exception {
    PipelineGraph graph = new PipelineGraph(resource);
    try {
      graph.create(config, meters, ring);
    } catch (Exception e) {
      graph.ticker.shutdownNow();
      throw e;
    }
    return graph;
  }

  private void create(CollectorConfig config, MeterRegistry meters, RingOptions ringOptions)
      throws Exception {
    for (String text : config.service().extensions()) {
      Bound bound = config.get(Kind.EXTENSION, ComponentId.parse(text));
      ExtensionFactory<ComponentConfig> factory = cast(bound);
      extensions.put(
          bound.id(),
          made(
              factory.createExtension(
                  settings(bound, Kind.EXTENSION, meters), bound.config(), this),
              Kind.EXTENSION,
              bound));
    }
    for (Pipeline pipeline : config.pipelines()) {
      summaries.add(summary(config, pipeline));
    }
    Map<ComponentId, Map<Signal, List<Consumer>>> receiverTargets = new LinkedHashMap<>();
    Map<ComponentId, Map<Signal, List<Consumer>>> connectorTargets = new LinkedHashMap<>();
    List<Pipeline> upstreamFirst = config.upstreamFirst();
    upstreamFirst.forEach(pipeline -> pipelineOrder.add(pipeline.id()));
    // Downstream first: the rings a connector hands to exist when its exporting side is made.
    List<Pipeline> downstreamFirst = new ArrayList<>(upstreamFirst);
    Collections.reverse(downstreamFirst);
    for (Pipeline pipeline : downstreamFirst) {
      List<Consumer> pipelineExporters = new ArrayList<>();
      for (ComponentId id : pipeline.exporters()) {
        pipelineExporters.add(
            config.isConnector(id)
                ? connector(
                    config.get(Kind.CONNECTOR, id),
                    pipeline.signal(),
                    connectorTargets.get(id),
                    meters)
                : exporter(config.get(Kind.EXPORTER, id), meters));
      }
      Consumer next = FanOut.of(pipelineExporters);
      List<Processor> chain = new ArrayList<>();
      for (int i = pipeline.processors().size() - 1; i >= 0; i--) {
        Bound bound = config.get(Kind.PROCESSOR, pipeline.processors().get(i));
        ProcessorFactory<ComponentConfig> factory = cast(bound);
        Processor processor =
            made(
                factory.createProcessor(
                    settings(bound, Kind.PROCESSOR, meters),
                    bound.config(),
                    pipeline.signal(),
                    next),
                Kind.PROCESSOR,
                bound);
        chain.add(0, processor);
        next = processor;
      }
      processors.put(pipeline.id(), chain);
      PipelineRing ring =
          new PipelineRing(
              pipeline.id(),
              ringOptions.size(),
              ringOptions.retryDelay(),
              chain,
              next,
              meters,
              ticker);
      rings.put(pipeline.id(), ring);
      chain.stream()
          .map(Processor::tickInterval)
          .flatMap(Optional::stream)
          .min(Duration::compareTo)
          .ifPresent(interval -> tickIntervals.put(pipeline.id(), interval));
      for (ComponentId id : pipeline.receivers()) {
        boolean connector = config.isConnector(id);
        (connector ? connectorTargets : receiverTargets)
            .computeIfAbsent(id, k -> new EnumMap<>(Signal.class))
            .computeIfAbsent(pipeline.signal(), k -> new ArrayList<>())
            .add(connector ? new ConnectorInput(ring, connectorWait(ringOptions)) : ring);
      }
    }
    for (var entry : receiverTargets.entrySet()) {
      Bound bound = config.get(Kind.RECEIVER, entry.getKey());
      Map<Signal, Consumer> bySignal = new EnumMap<>(Signal.class);
      entry.getValue().forEach((signal, targets) -> bySignal.put(signal, FanOut.of(targets)));
      ReceiverFactory<ComponentConfig> factory = cast(bound);
      receivers.put(
          bound.id(),
          made(
              factory.createReceiver(
                  settings(bound, Kind.RECEIVER, meters),
                  bound.config(),
                  new ReceiverConsumers(bySignal),
                  this),
              Kind.RECEIVER,
              bound));
    }
  }

  /**
   * How long a connector waits for room in a full ring: ten retry delays, longer than a ring takes
   * to move on while its exporters are slow, short enough not to hold a shutdown up for long. After
   * that the upstream ring counts the data as lost.
   */
  private static Duration connectorWait(RingOptions ring) {
    return ring.retryDelay().multipliedBy(10);
  }

  /** A connector's side for pipelines of {@code from}, made once per id and signal. */
  private Exporter connector(
      Bound bound, Signal from, Map<Signal, List<Consumer>> targets, MeterRegistry meters)
      throws Exception {
    String key = bound.id() + " (" + from.configName() + ")";
    Exporter existing = connectors.get(key);
    if (existing != null) {
      return existing;
    }
    ConnectorFactory<ComponentConfig> factory = cast(bound);
    Map<Signal, Consumer> bySignal = new EnumMap<>(Signal.class);
    targets.forEach(
        (to, rings) -> {
          if (factory.connects(from, to)) {
            bySignal.put(to, FanOut.of(rings));
          }
        });
    Exporter created =
        made(
            factory.createConnector(
                settings(bound, Kind.CONNECTOR, meters),
                bound.config(),
                from,
                new ReceiverConsumers(bySignal)),
            Kind.CONNECTOR,
            bound);
    connectors.put(key, created);
    return created;
  }

  private Exporter exporter(Bound bound, MeterRegistry meters) throws Exception {
    Exporter existing = exporters.get(bound.id());
    if (existing != null) {
      return existing;
    }
    ExporterFactory<ComponentConfig> factory = cast(bound);
    Exporter created =
        factory.createExporter(settings(bound, Kind.EXPORTER, meters), bound.config(), this);
    // A queued exporter counts where it really sends; the others are counted at consume.
    Exporter exporter =
        made(
            created.countsSends() ? created : new CountingExporter(bound.id(), created, meters),
            Kind.EXPORTER,
            bound);
    exporters.put(bound.id(), exporter);
    return exporter;
  }

  /** Starts everything; on a failure, stops what was started and rethrows. */
  public synchronized void start() throws Exception {
    try {
      for (Extension extension : extensions.values()) {
        startOne(extension);
      }
      for (Exporter exporter : exporters.values()) {
        startOne(exporter);
      }
      for (Exporter connector : connectors.values()) {
        startOne(connector);
      }
      for (List<Processor> chain : processors.values()) {
        for (Processor processor : chain) {
          startOne(processor);
        }
      }
      rings.values().forEach(PipelineRing::start);
      tickIntervals.forEach(
          (pipeline, interval) -> {
            long nanos = Math.max(1_000_000, interval.toNanos());
            PipelineRing ring = rings.get(pipeline);
            ticker.scheduleAtFixedRate(ring::tick, nanos, nanos, TimeUnit.NANOSECONDS);
          });
      for (Receiver receiver : receivers.values()) {
        startOne(receiver);
      }
      running = true;
      LOG.info("Everything is ready. Begin running and processing data.");
    } catch (Exception e) {
      shutdown(Duration.ofSeconds(5));
      throw e;
    }
  }

  private void startOne(Lifecycle component) throws Exception {
    try {
      component.start();
    } catch (Exception | LinkageError e) {
      throw new ComponentStartException(labels.get(component) + ": failed to start: " + e, e);
    }
  }

  /**
   * Remembers how to name a component in errors: kind, id, and the plugin jar it comes from (a
   * plugin factory's class loader is named after its jar).
   */
  private <T extends Lifecycle> T made(T component, Kind kind, Bound bound) {
    ClassLoader loader = bound.factory().getClass().getClassLoader();
    String name = loader == null ? null : loader.getName();
    String origin = name != null && name.startsWith("plugin ") ? " (" + name + ")" : "";
    labels.put(component, kind.singular() + " " + bound.id() + origin);
    return component;
  }

  /**
   * Stops receivers, drains the rings, flushes processors, stops exporters and extensions; the
   * deadline is shared by all steps. Idempotent.
   */
  public synchronized void shutdown(Duration deadline) {
    if (stopped) {
      return;
    }
    stopped = true;
    running = false;
    long end = System.nanoTime() + deadline.toNanos();
    LOG.info("Shutdown requested; stopping receivers, draining pipelines.");
    receivers.forEach((id, receiver) -> stopOne(Kind.RECEIVER, id, receiver, end));
    ticker.shutdownNow();
    // Upstream first: what a pipeline drains and flushes into a connector reaches pipelines that
    // still run.
    for (String pipeline : pipelineOrder) {
      rings.get(pipeline).drain(remaining(end));
      processors
          .get(pipeline)
          .forEach(processor -> stopOne(Kind.PROCESSOR, ComponentId.of(pipeline), processor, end));
    }
    connectors.forEach((key, connector) -> stopOne(Kind.CONNECTOR, key, connector, end));
    exporters.forEach((id, exporter) -> stopOne(Kind.EXPORTER, id, exporter, end));
    extensions.forEach((id, extension) -> stopOne(Kind.EXTENSION, id, extension, end));
    LOG.info("Shutdown complete.");
  }

  private static void stopOne(Kind kind, Object id, Lifecycle component, long end) {
    try {
      component.shutdown(remaining(end));
    } catch (Exception e) {
      LOG.warn("{} {}: failed to shut down cleanly: {}", kind.singular(), id, e.toString());
    }
  }

  private static Duration remaining(long end) {
    return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
  }

  @Override
  public boolean pipelinesRunning() {
    return running;
  }

  @Override
  public Optional<Extension> extension(ComponentId id) {
    return Optional.ofNullable(extensions.get(id));
  }

  @Override
  public List<PipelineSummary> pipelines() {
    return List.copyOf(summaries);
  }

  @Override
  public List<ComponentId> extensions() {
    return List.copyOf(extensions.keySet());
  }

  private static PipelineSummary summary(CollectorConfig config, Pipeline pipeline) {
    Function<ComponentId, String> named =
        id -> config.isConnector(id) ? id + " (connector)" : id.toString();
    return new PipelineSummary(
        pipeline.id(),
        pipeline.signal(),
        pipeline.receivers().stream().map(named).toList(),
        pipeline.processors().stream().map(ComponentId::toString).toList(),
        pipeline.exporters().stream().map(named).toList());
  }

  private ComponentSettings settings(Bound bound, Kind kind, MeterRegistry meters) {
    return ComponentSettings.of(bound.id(), kind, meters, resource);
  }

  @SuppressWarnings("unchecked")
  private static <F> F cast(Bound bound) {
    return (F) bound.factory();
  }
}
