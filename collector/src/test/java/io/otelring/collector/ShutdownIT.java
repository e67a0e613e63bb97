package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.TestComponents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown drains the rings and flushes the batches before the exporters stop. */
class ShutdownIT {

  @TempDir Path dir;

  @Test
  void closingFlushesWhatTheBatchProcessorHolds() throws Exception {
    TestComponents.RecordingExporters recorders = new TestComponents.RecordingExporters();
    int port = FreePorts.next();
    String yaml =
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors: {batch: {timeout: 1h, send_batch_size: 100000}}
        exporters: {recording: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [recording]}}
        """
            .formatted(port);
    Collector collector = Collector.startYaml(yaml, RingOptions.DEFAULT, recorders);
    sendSpans(port, 120);
    assertThat(recorders.get("recording").itemCount()).as("the batch holds them").isZero();

    collector.close();

    assertThat(recorders.get("recording").itemCount()).isEqualTo(120);
  }

  /**
   * The packaged collector in its own JVM: SIGTERM after spans were accepted, and the debug
   * exporter still prints them all before the process exits.
   */
  @Test
  void sigtermInTheRealProcessFlushesBeforeExit() throws Exception {
    Path jar = Path.of("target/otelring.jar");
    assertThat(jar).as("failsafe runs after package").exists();
    int port = FreePorts.next();
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors: {batch: {timeout: 1h, send_batch_size: 100000}}
        exporters: {debug: {verbosity: basic}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [debug]}}
        """
            .formatted(port));
    List<String> lines;
    int exit;
    try (CollectorProcess process = CollectorProcess.start("--config", config.toString())) {
      sendSpans(port, 75);
      exit = process.terminate(); // SIGTERM
      lines = process.lines();
    }

    int printed = 0;
    Pattern spans = Pattern.compile("\"spans\": (\\d+)");
    for (String line : lines) {
      Matcher matcher = spans.matcher(line);
      if (line.contains("Traces") && matcher.find()) {
        printed += Integer.parseInt(matcher.group(1));
      }
    }
    assertThat(printed)
        .as("spans printed by the debug exporter; output:%n%s", String.join("\n", lines))
        .isEqualTo(75);
    assertThat(exit).isIn(0, 143);
    assertThat(lines).anyMatch(l -> l.contains("Shutdown complete"));
  }

  private static void sendSpans(int port, int count) {
    OtlpGrpcSpanExporter otlp =
        OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port).build();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
            .build();
    Tracer tracer = provider.get("shutdown-test");
    for (int i = 0; i < count; i++) {
      tracer.spanBuilder("s" + i).setAllAttributes(Attributes.empty()).startSpan().end();
    }
    provider.forceFlush().join(10, TimeUnit.SECONDS);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
