package io.otelring.bench.e2e;

import io.otelring.bench.baseline.BaselineServer;
import io.otelring.core.component.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a system under test and tells how many spans it has delivered. B0 and B2 run from the
 * bench jar and serve their counts on a stats port. otelring runs from the collector jar with the
 * seed pipeline (otlp → batch → exporter); with the {@code debug} exporter its delivered spans are
 * its own {@code otelcol_exporter_sent_spans}, with the {@code otlp} exporter they are what the
 * sink (B0, in the benchmark's process) received.
 */
final class SutLauncher {

  /** Where the exporter of otelring's seed pipeline sends. */
  enum Exporter {
    /** The debug exporter at basic verbosity, its output discarded: no network hop out. */
    DEBUG,
    /** The otlp exporter to a B0 sink in the benchmark's process. */
    OTLP
  }

  /**
   * A started system: its process, its OTLP/gRPC port, how to read what it delivered, and how many
   * batches wait in its exporter's sending queue.
   */
  record Sut(SutProcess process, int port, DeliveredCount delivered, QueuedBatches queued)
      implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  /** Spans a system has delivered (for the baselines: received) so far. */
  @FunctionalInterface
  interface DeliveredCount {
    long read() throws IOException, InterruptedException;
  }

  /**
   * Batches waiting in otelring's sending queue ({@code otelcol_exporter_queue_size}); NaN for a
   * system without one. A run whose queue is deep at the window's end was measured in a backlog.
   */
  @FunctionalInterface
  interface QueuedBatches {
    double read() throws IOException, InterruptedException;
  }

  private static final String QUEUE_SIZE = "otelcol_exporter_queue_size";

  private final EndToEndBenchmark.Settings settings;
  private final BaselineServer sink;
  private final HttpClient http = HttpClient.newHttpClient();

  SutLauncher(EndToEndBenchmark.Settings settings, BaselineServer sink) {
    this.settings = settings;
    this.sink = sink;
  }

  /**
   * Starts {@code target}; {@code holdSpans} makes otelring's batch hold everything (heap runs).
   */
  Sut start(Target target, String name, boolean holdSpans) throws Exception {
    int port = freePort();
    int statsPort = freePort();
    Path log = settings.workDir().resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(settings.java());
    command.addAll(settings.jvmOptions());
    DeliveredCount delivered;
    QueuedBatches queued = () -> Double.NaN;
    if (target == Target.OTELRING) {
      Path config = settings.workDir().resolve(name + ".yaml");
      Files.writeString(config, otelringConfig(port, statsPort, holdSpans));
      command.addAll(
          List.of("-jar", settings.otelringJar().toString(), "--config", config.toString()));
      // The sink outlives the runs; each run counts from what it had at the start.
      long sinkBase = sink == null ? 0 : sink.counts().items(Signal.TRACES);
      delivered =
          settings.exporter() == Exporter.OTLP
              ? () -> sink.counts().items(Signal.TRACES) - sinkBase
              : () ->
                  (long)
                      PrometheusText.sum(
                          get(statsPort, "/metrics"), "otelcol_exporter_sent_spans_total");
      queued =
          () -> {
            String metrics = get(statsPort, "/metrics");
            return metrics.contains(QUEUE_SIZE)
                ? PrometheusText.sum(metrics, QUEUE_SIZE)
                : Double.NaN;
          };
    } else {
      command.addAll(
          List.of(
              "-cp",
              settings.benchJar().toString(),
              "io.otelring.bench.Bench",
              "baseline",
              "--kind",
              target.cliName(),
              "--port",
              Integer.toString(port),
              "--stats-port",
              Integer.toString(statsPort)));
      delivered = () -> tracesLine(get(statsPort, "/stats"));
    }
    SutProcess process = SutProcess.start(command, settings.sutCpu(), log);
    try {
      process.awaitListening(port, Duration.ofSeconds(60));
      // otelring opens its metrics port last; baselines their stats port after the gRPC port.
      process.awaitListening(statsPort, Duration.ofSeconds(30));
    } catch (Exception e) {
      process.close();
      throw new IOException(e.getMessage() + " (see " + log + ")", e);
    }
    return new Sut(process, port, delivered, queued);
  }

  /**
   * The seed pipeline. The batch processor keeps its defaults (8192 spans or 200 ms); for heap runs
   * it holds everything for an hour instead.
   */
  String otelringConfig(int port, int metricsPort, boolean holdSpans) {
    String batch =
        holdSpans ? "{send_batch_size: 100000000, send_batch_max_size: 0, timeout: 1h}" : "{}";
    String exporter =
        settings.exporter() == Exporter.OTLP
            ? "otlp: {endpoint: \"127.0.0.1:%d\", tls: {insecure: true}, compression: %s}"
                .formatted(sink.port(), settings.exportCompression())
            : "debug: {verbosity: basic, use_internal_logger: false}";
    String exporterId = settings.exporter() == Exporter.OTLP ? "otlp" : "debug";
    return """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: "127.0.0.1:%d"}
        processors:
          batch: %s
        exporters:
          %s
        service:
          telemetry:
            metrics: {address: "127.0.0.1:%d"}
          pipelines:
            traces: {receivers: [otlp], processors: [batch], exporters: [%s]}
        """
        .formatted(port, batch, exporter, metricsPort, exporterId);
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long tracesLine(String stats) {
    for (String line : stats.split("\n")) {
      if (line.startsWith("traces ")) {
        return Long.parseLong(line.substring("traces ".length()).trim());
      }
    }
    throw new IllegalStateException("no traces count in " + stats);
  }

  static int freePort() {
    return SutProcess.freePort();
  }
}
