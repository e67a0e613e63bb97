package io.otelring.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code service} section: which extensions run, the pipelines, and the collector's own
 * telemetry. Key names are the Go collector's; {@code plugins} (a directory of plugin jars,
 * relative to the config file) is otelring's own.
 */
public record ServiceConfig(
    List<String> extensions,
    Map<String, PipelineConfig> pipelines,
    TelemetryConfig telemetry,
    String plugins)
    implements ComponentConfig {

  public ServiceConfig {
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
    pipelines = pipelines == null ? Map.of() : new LinkedHashMap<>(pipelines);
    telemetry = telemetry == null ? TelemetryConfig.defaults() : telemetry;
  }

  static ServiceConfig defaults() {
    return new ServiceConfig(List.of(), Map.of(), TelemetryConfig.defaults(), null);
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>(telemetry.validate());
    if (pipelines.isEmpty()) {
      problems.add("pipelines: must have at least one pipeline");
    }
    return problems;
  }

  /** One entry of {@code service.pipelines}. */
  public record PipelineConfig(
      List<String> receivers, List<String> processors, List<String> exporters) {
    public PipelineConfig {
      receivers = receivers == null ? List.of() : List.copyOf(receivers);
      processors = processors == null ? List.of() : List.copyOf(processors);
      exporters = exporters == null ? List.of() : List.copyOf(exporters);
    }
  }

  /** {@code service.telemetry}: the collector's own metrics and logs. */
  public record TelemetryConfig(
      MetricsTelemetry metrics, LogsTelemetry logs, JsonNode traces, JsonNode resource) {

    public TelemetryConfig {
      metrics = metrics == null ? MetricsTelemetry.defaults() : metrics;
      logs = logs == null ? LogsTelemetry.defaults() : logs;
    }

    static TelemetryConfig defaults() {
      return new TelemetryConfig(MetricsTelemetry.defaults(), LogsTelemetry.defaults(), null, null);
    }

    List<String> validate() {
      List<String> problems = new ArrayList<>();
      metrics.validate().forEach(p -> problems.add("telemetry::metrics::" + p));
      logs.validate().forEach(p -> problems.add("telemetry::logs::" + p));
      return problems;
    }
  }

  /**
   * {@code service.telemetry.metrics}: {@code level} (none turns the endpoint off) and where the
   * Prometheus endpoint listens — the older {@code address}, or a {@code readers} entry {@code
   * pull.exporter.prometheus.{host,port}} as in current Go collector configs.
   */
  public record MetricsTelemetry(
      String level, String address, List<JsonNode> readers, JsonNode views) {

    public static final String DEFAULT_ADDRESS = "0.0.0.0:8888";

    public MetricsTelemetry {
      level = level == null ? "normal" : level;
      readers = readers == null ? List.of() : List.copyOf(readers);
    }

    static MetricsTelemetry defaults() {
      return new MetricsTelemetry("normal", null, List.of(), null);
    }

    /** The host:port to serve Prometheus text on, or null when metrics are off. */
    public String prometheusAddress() {
      if ("none".equals(level)) {
        return null;
      }
      for (JsonNode reader : readers) {
        JsonNode prometheus = reader.path("pull").path("exporter").path("prometheus");
        if (prometheus.isObject()) {
          String host = prometheus.path("host").asText("0.0.0.0");
          return host + ":" + prometheus.path("port").asInt(8888);
        }
      }
      return address == null ? DEFAULT_ADDRESS : address;
    }

    List<String> validate() {
      List<String> problems = new ArrayList<>();
      if (!List.of("none", "basic", "normal", "detailed").contains(level)) {
        problems.add("level: unknown level \"" + level + "\"; use none, basic, normal or detailed");
      }
      for (int i = 0; i < readers.size(); i++) {
        JsonNode reader = readers.get(i);
        if (!reader.path("pull").path("exporter").path("prometheus").isObject()) {
          problems.add(
              "readers::"
                  + i
                  + ": only a pull reader with a prometheus exporter is supported"
                  + " (readers: [{pull: {exporter: {prometheus: {host: …, port: …}}}}])");
        }
      }
      return problems;
    }
  }

  /**
   * {@code service.telemetry.logs}: the keys of the Go collector. {@code level}, {@code encoding},
   * {@code output_paths}, {@code initial_fields}, {@code disable_stacktrace} and {@code sampling}
   * are applied ({@code disable_caller} too: no line names its caller); the others are accepted
   * and, when set to something else than Go's default, reported as not applied.
   */
  public record LogsTelemetry(
      String level,
      String encoding,
      Boolean development,
      Boolean disableCaller,
      Boolean disableStacktrace,
      JsonNode sampling,
      List<String> outputPaths,
      List<String> errorOutputPaths,
      JsonNode initialFields,
      JsonNode processors) {

    public LogsTelemetry {
      level = level == null ? "info" : level;
    }

    static LogsTelemetry defaults() {
      return new LogsTelemetry("info", null, null, null, null, null, null, null, null, null);
    }

    /** The keys set to something otelring does not do, for a warning at start. */
    public List<String> unappliedKeys() {
      List<String> keys = new ArrayList<>();
      if (Boolean.TRUE.equals(development)) {
        keys.add("development");
      }
      if (errorOutputPaths != null && !errorOutputPaths.equals(List.of("stderr"))) {
        keys.add("error_output_paths");
      }
      if (processors != null && !processors.isEmpty()) {
        keys.add("processors");
      }
      return keys;
    }

    List<String> validate() {
      List<String> problems = new ArrayList<>();
      if (!List.of("debug", "info", "warn", "error", "dpanic", "panic", "fatal").contains(level)) {
        problems.add("level: unknown level \"" + level + "\"; use debug, info, warn or error");
      }
      if (encoding != null && !encoding.equals("console") && !encoding.equals("json")) {
        problems.add("encoding: no encoder registered for name \"" + encoding + "\"");
      }
      if (initialFields != null && !initialFields.isNull() && !initialFields.isObject()) {
        problems.add("initial_fields: must be a map of fields");
      }
      JsonNode tick = sampling == null ? null : sampling.path("tick");
      if (tick != null && !tick.isMissingNode()) {
        try {
          GoDuration.parse(tick.asText());
        } catch (IllegalArgumentException e) {
          problems.add("sampling::tick: " + e.getMessage());
        }
      }
      return problems;
    }
  }
}
