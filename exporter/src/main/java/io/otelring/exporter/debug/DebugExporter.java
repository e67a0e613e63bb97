package io.otelring.exporter.debug;

import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.wire.FieldCounts;
import io.otelring.core.zap.LogSampler;
import io.otelring.core.zap.OutputPaths;
import io.otelring.core.zap.ZapLine;
import io.otelring.core.zap.ZapLine.Field;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Prints what the Go collector's debug exporter prints: a summary entry per request ({@code Traces
 * {"resource spans": 1, "spans": 2}}) and, at normal or detailed verbosity, an entry with the
 * request as text — each entry sampled as zap samples it, and written as zap's console encoder
 * writes it. Calls from several ring threads never interleave: one request's entries are written
 * under the output stream's lock.
 *
 * <p>Go creates one exporter per signal, each with its own sampler and its own {@code
 * otelcol.signal} field; this one exporter keeps those per signal, so its output is the same.
 */
public final class DebugExporter implements Exporter {

  /**
   * Where a request's {@code resource_spans} / {@code resource_metrics} / {@code resource_logs}
   * are.
   */
  private static final int[] RESOURCE_PATH = {1};

  /** Where a metrics request's metrics are: resource_metrics → scope_metrics → metrics. */
  private static final int[] METRIC_PATH = {1, 2, 2};

  private final Verbosity verbosity;
  private final TelemetryText text;
  private final List<String> outputPaths;
  private volatile PrintStream out;
  private final Clock clock;
  private final ZapLine encoder;
  private final LogSampler collectorSampler;
  private final Map<Signal, LogSampler> samplers = new EnumMap<>(Signal.class);
  private final Map<Signal, List<Field>> contexts = new EnumMap<>(Signal.class);

  private DebugExporter(Builder b) {
    DebugExporterConfig config = b.config;
    this.verbosity = config.level();
    this.text = verbosity == Verbosity.DETAILED ? new DetailedText() : new NormalText();
    // output_paths are opened at start; until then (and without them) Go's defaults.
    this.outputPaths = b.out == null && !config.useInternalLogger() ? config.outputPaths() : null;
    this.out = b.out != null ? b.out : config.useInternalLogger() ? System.err : System.out;
    this.clock = b.clock;
    this.encoder = new ZapLine(config.useInternalLogger(), clock.getZone());
    this.collectorSampler = config.useInternalLogger() ? b.collectorSampler : null;
    for (Signal signal : Signal.values()) {
      samplers.put(
          signal,
          new LogSampler(
              Duration.ofSeconds(1), config.samplingInitial(), config.samplingThereafter()));
      contexts.put(signal, config.useInternalLogger() ? context(b, signal) : List.of());
    }
  }

  /** The fields the Go collector's logger gives a component: its resource, id, kind, signal. */
  private static List<Field> context(Builder b, Signal signal) {
    Field id = new Field("otelcol.component.id", b.componentId);
    Field kind = new Field("otelcol.component.kind", "exporter");
    Field pipelineSignal = new Field("otelcol.signal", signal.configName());
    if (b.resource.isEmpty()) {
      return List.of(id, kind, pipelineSignal);
    }
    return List.of(new Field("resource", new TreeMap<>(b.resource)), id, kind, pipelineSignal);
  }

  @Override
  public void start() throws IOException {
    if (outputPaths != null) {
      out = OutputPaths.open(outputPaths);
    }
  }

  @Override
  public void shutdown(Duration deadline) {
    if (outputPaths != null) {
      synchronized (out) {
        out.close();
      }
    }
  }

  public static Builder builder(String componentId, DebugExporterConfig config) {
    return new Builder(componentId, config);
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    Signal signal = telemetry.signal();
    // The text first: at normal and detailed it parses the payload, and the counts then read it.
    String body = verbosity == Verbosity.BASIC ? null : text(telemetry);
    int items = telemetry.itemCount();
    String summary;
    List<Field> counts;
    switch (signal) {
      case TRACES -> {
        summary = "Traces";
        counts =
            List.of(
                new Field("resource spans", resourceCount(telemetry)), new Field("spans", items));
      }
      case METRICS -> {
        summary = "Metrics";
        counts =
            List.of(
                new Field("resource metrics", resourceCount(telemetry)),
                new Field("metrics", metricCount(telemetry)),
                new Field("data points", items));
      }
      case LOGS -> {
        summary = "Logs";
        counts =
            List.of(
                new Field("resource logs", resourceCount(telemetry)),
                new Field("log records", items));
      }
      default -> throw new IllegalArgumentException("unknown signal " + signal);
    }
    synchronized (out) {
      write(signal, summary, counts);
      if (body != null) {
        write(signal, body, List.of());
      }
      out.flush();
    }
    return ACCEPTED;
  }

  /**
   * The request's resources, counted on the wire while the payload is still bytes: parsing every
   * request only to count it made this exporter slower than the receiver at full load
   * (BENCHMARKS.md).
   */
  private static int resourceCount(Telemetry telemetry) {
    if (telemetry.isUnparsed()) {
      return wireCount(telemetry, RESOURCE_PATH);
    }
    return switch (telemetry.signal()) {
      case TRACES -> telemetry.traces().getResourceSpansCount();
      case METRICS -> telemetry.metrics().getResourceMetricsCount();
      case LOGS -> telemetry.logs().getResourceLogsCount();
    };
  }

  /** A metrics request's metrics, on the wire too while the payload is still bytes. */
  private static int metricCount(Telemetry telemetry) {
    if (telemetry.isUnparsed()) {
      return wireCount(telemetry, METRIC_PATH);
    }
    int count = 0;
    for (ResourceMetrics rm : telemetry.metrics().getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        count += sm.getMetricsCount();
      }
    }
    return count;
  }

  private static int wireCount(Telemetry telemetry, int[] path) {
    int count = 0;
    for (Telemetry piece : telemetry.wirePieces()) {
      count += FieldCounts.count(piece.toByteArray(), path);
    }
    return count;
  }

  private String text(Telemetry telemetry) {
    return switch (telemetry.signal()) {
      case TRACES -> text.traces(telemetry.traces());
      case METRICS -> text.metrics(telemetry.metrics());
      case LOGS -> text.logs(telemetry.logs());
    };
  }

  /** One zap entry: through the exporter's sampler, then the collector logger's, if any. */
  private void write(Signal signal, String message, List<Field> fields) {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    if (!samplers.get(signal).allow(message, nanos)) {
      return;
    }
    if (collectorSampler != null && !collectorSampler.allow(message, nanos)) {
      return;
    }
    out.print(encoder.info(now, message, contexts.get(signal), fields));
  }

  /** Where and how the exporter writes; every part has the Go collector's default. */
  public static final class Builder {
    private final String componentId;
    private final DebugExporterConfig config;
    private PrintStream out;
    private Clock clock = Clock.systemDefaultZone();
    private Map<String, String> resource = Map.of();
    private LogSampler collectorSampler;

    private Builder(String componentId, DebugExporterConfig config) {
      this.componentId = Objects.requireNonNull(componentId, "componentId");
      this.config = Objects.requireNonNull(config, "config");
      config.level(); // fails now on an invalid verbosity
    }

    /** Default: stderr with the internal logger (Go's default log output), else stdout. */
    public Builder output(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** The clock for timestamps and sampling; its zone is the zone the time is printed in. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The collector's own resource ({@code service.name}, …), printed as the Go collector's logger
     * prints it in every line; empty (the default) prints no {@code resource} field.
     */
    public Builder resource(Map<String, String> resource) {
      this.resource = Map.copyOf(resource);
      return this;
    }

    /**
     * Samples again after the exporter's own sampler, as the Go collector's logger does ({@code
     * service::telemetry::logs::sampling}: 10 per 10 s, then every 100th, by default). Off unless
     * set, and only with the internal logger. Go shares that sampler's counters among all
     * components; here each exporter has its own.
     */
    public Builder collectorSampling(Duration tick, int initial, int thereafter) {
      this.collectorSampler = new LogSampler(tick, initial, thereafter);
      return this;
    }

    public DebugExporter build() {
      return new DebugExporter(this);
    }
  }
}
