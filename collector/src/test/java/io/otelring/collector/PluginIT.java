package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The example plugin (examples/plugin-redact, built by the reactor before this module) dropped into
 * a plugin directory: the packaged collector loads it, lists it, and the SDK's spans come out of
 * the debug exporter with the secrets masked.
 */
class PluginIT {

  private static final Path EXAMPLE_JAR =
      Path.of("../examples/plugin-redact/target/otelring-plugin-redact-1.0.0.jar");

  @TempDir Path dir;

  private Path pluginDirectory() throws Exception {
    assertThat(EXAMPLE_JAR).as("the reactor builds the example plugin first").exists();
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(EXAMPLE_JAR, plugins.resolve("redact.jar"));
    return plugins;
  }

  @Test
  void theExamplePluginRedactsSpansInTheRealCollector() throws Exception {
    pluginDirectory();
    int port = FreePorts.next();
    Path config = dir.resolve("otelring.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:%d}}}}
        processors:
          redact: {patterns: ['sk-[A-Za-z0-9]+'], replacement: '[key]'}
        exporters: {debug: {verbosity: detailed}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [redact], exporters: [debug]}}
        """
            .formatted(port));
    try (CollectorProcess process = CollectorProcess.start("--config", config.toString())) {
      List<String> lines = process.lines();
      OtlpGrpcSpanExporter otlp =
          OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port).build();
      SdkTracerProvider provider =
          SdkTracerProvider.builder()
              .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
              .build();
      provider
          .get("plugin-test")
          .spanBuilder("chat")
          .setAttribute(AttributeKey.stringKey("llm.prompt"), "use sk-abc123XYZ please")
          .setAttribute(AttributeKey.stringKey("llm.provider"), "openai")
          .startSpan()
          .end();
      provider.shutdown().join(10, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> lines.stream().anyMatch(l -> l.contains("-> llm.prompt:")));
      assertThat(lines)
          .contains("     -> llm.prompt: Str(use [key] please)")
          .contains("     -> llm.provider: Str(openai)")
          .noneMatch(l -> l.contains("sk-abc123XYZ"));
    }
  }

  @Test
  void componentsListsThePluginWithItsJarAndVersion() throws Exception {
    Path plugins = pluginDirectory();
    StringWriter out = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out));

    int exit = command.execute("components", "--plugins", plugins.toString());

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(
            "  - name: redact\n"
                + "    plugin: "
                + plugins.resolve("redact.jar")
                + " (version 1.0.0)\n"
                + "    signals: [logs, traces]\n");
  }

  @Test
  void aPluginConfigIsValidatedLikeABuiltInOne() throws Exception {
    Path plugins = pluginDirectory();
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {}}}}
        processors:
          redact: {patterns: ['('], replace: x}
        exporters: {debug: {}}
        service:
          pipelines: {traces: {receivers: [otlp], processors: [redact], exporters: [debug]}}
        """);
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setErr(new PrintWriter(err));

    int exit = command.execute("validate", "--config", config.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .as("found in plugins/ beside the config, without --plugins")
        .isEqualTo(
            "Error: invalid configuration (1 problem):\n  "
                + config
                + ":3: processors::redact::replace: unknown key; did you mean \"replacement\"?\n");
    assertThat(plugins).isDirectory();
  }
}
