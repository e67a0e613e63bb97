package io.otelring.bench.outage;

import io.otelring.bench.e2e.ProcStats;
import io.otelring.bench.e2e.PrometheusText;
import io.otelring.bench.e2e.SutProcess;
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
 * The packaged collector as a child JVM with the outage pipeline: OTLP/gRPC in, the batch
 * processor, and the {@code otlp/tempo} exporter with a persistent sending queue ({@code
 * file_storage} in a directory of its own) towards a port where the backend will only start later.
 * Reads the collector's own metrics from its Prometheus endpoint.
 */
final class OutageCollector implements AutoCloseable {

  /** The exporter whose queue the benchmark watches. */
  static final String EXPORTER = "otlp/tempo";

  private final SutProcess process;
  private final int otlpPort;
  private final int metricsPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private OutageCollector(SutProcess process, int otlpPort, int metricsPort) {
    this.process = process;
    this.otlpPort = otlpPort;
    this.metricsPort = metricsPort;
  }

  /**
   * Writes the config to {@code workDir/outage.yaml}, starts the collector (its stderr in {@code
   * workDir/outage-collector.log}) and waits until it listens.
   */
  static OutageCollector start(
      String java,
      List<String> jvmOptions,
      String cpu,
      Path jar,
      Path workDir,
      Path storage,
      int backendPort,
      int queueSize)
      throws IOException, InterruptedException {
    int otlpPort = SutProcess.freePort();
    int metricsPort = SutProcess.freePort();
    Path config = workDir.resolve("outage.yaml");
    Files.writeString(config, config(otlpPort, metricsPort, backendPort, storage, queueSize));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
    Path log = workDir.resolve("outage-collector.log");
    SutProcess process = SutProcess.start(command, cpu, log);
    try {
      process.awaitListening(otlpPort, Duration.ofSeconds(60));
      process.awaitListening(metricsPort, Duration.ofSeconds(30));
    } catch (IOException | InterruptedException e) {
      process.close();
      throw new IOException(e.getMessage() + " (see " + log + ")", e);
    }
    return new OutageCollector(process, otlpPort, metricsPort);
  }

  /**
   * The pipeline of issue 4. The exporter keeps the Go collector's defaults (10 consumers, {@code
   * retry_on_failure} from 5 s up to 30 s for at most 5 min); only the queue is made persistent.
   */
  static String config(
      int otlpPort, int metricsPort, int backendPort, Path storage, int queueSize) {
    return """
        receivers:
          otlp:
            protocols:
              grpc: {endpoint: "127.0.0.1:%d"}
        processors:
          batch: {}
        exporters:
          %s:
            endpoint: "127.0.0.1:%d"
            tls: {insecure: true}
            sending_queue: {storage: file_storage, queue_size: %d}
        extensions:
          file_storage: {directory: "%s"}
        service:
          extensions: [file_storage]
          telemetry:
            metrics: {address: "127.0.0.1:%d"}
          pipelines:
            traces: {receivers: [otlp], processors: [batch], exporters: [%s]}
        """
        .formatted(
            otlpPort,
            EXPORTER,
            backendPort,
            queueSize,
            storage.toAbsolutePath(),
            metricsPort,
            EXPORTER);
  }

  int otlpPort() {
    return otlpPort;
  }

  long pid() {
    return process.pid();
  }

  /** The collector's Prometheus text now. */
  String metrics() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of every series of a metric in {@code text}. */
  static long value(String text, String name) {
    return (long) PrometheusText.sum(text, name);
  }

  /** Peak resident memory (VmHWM) so far. */
  long peakRssBytes() throws IOException {
    return ProcStats.peakRssBytes(process.pid());
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
