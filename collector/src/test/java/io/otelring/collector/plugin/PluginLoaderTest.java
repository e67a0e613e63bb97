package io.otelring.collector.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.collector.BuiltInComponents;
import io.otelring.collector.Main;
import io.otelring.core.component.Factories;
import io.otelring.core.component.Factory;
import io.otelring.core.component.PluginApi;
import io.otelring.core.component.Signal;
import io.otelring.core.config.CollectorConfig;
import io.otelring.core.config.ConfigException;
import io.otelring.core.config.ConfigLoader;
import io.otelring.core.config.ConfigSource;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.pipeline.PipelineGraph;
import io.otelring.core.pipeline.RingOptions;
import io.otelring.core.testing.Requests;
import io.otelring.core.testing.TestComponents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PluginLoaderTest {

  @TempDir Path temp;
  private Path plugins;

  @BeforeEach
  void directory() throws Exception {
    plugins = Files.createDirectories(temp.resolve("plugins"));
  }

  private Path plugin(String jar, String pkg, String type, String value, String apiVersion)
      throws Exception {
    return TestPluginJars.build(
        plugins,
        jar,
        Map.of(pkg + ".StampFactory", TestPluginJars.stampingFactory(pkg, type, value)),
        List.of(pkg + ".StampFactory"),
        apiVersion);
  }

  private static String lib(String version) {
    return "package com.example.shared;\n"
        + "public final class Lib { public static String version() { return \""
        + version
        + "\"; } }\n";
  }

  @Test
  void twoPluginsBundlingDifferentVersionsOfOneLibraryBothWork() throws Exception {
    for (String v : List.of("1", "2")) {
      TestPluginJars.build(
          plugins,
          "stamp-v" + v + ".jar",
          Map.of(
              "com.example.shared.Lib",
              lib(v),
              "com.example.v" + v + ".StampFactory",
              TestPluginJars.stampingFactory(
                  "com.example.v" + v, "stamp_v" + v, "com.example.shared.Lib.version()")),
          List.of("com.example.v" + v + ".StampFactory"),
          "1.0");
    }
    List<PluginJar> loaded = PluginLoader.load(plugins, BuiltInComponents.list());
    var receivers = new TestComponents.ManualReceivers();
    var exporters = new TestComponents.RecordingExporters();
    List<Factory<?>> factories = new ArrayList<>(List.of(receivers, exporters));
    loaded.forEach(p -> factories.addAll(p.factories()));
    CollectorConfig config =
        new ConfigLoader(Factories.of(factories))
            .load(
                ConfigSource.ofYaml(
                    "p.yaml",
                    """
                    receivers: {manual: {}}
                    processors: {stamp_v1: {}, stamp_v2: {}}
                    exporters: {recording/a: {}, recording/b: {}}
                    service:
                      pipelines:
                        traces/a: {receivers: [manual], processors: [stamp_v1], exporters: [recording/a]}
                        traces/b: {receivers: [manual], processors: [stamp_v2], exporters: [recording/b]}
                    """));
    PipelineGraph graph =
        PipelineGraph.build(config, new SimpleMeterRegistry(), RingOptions.DEFAULT);
    graph.start();
    try {
      receivers
          .consumer("manual", Signal.TRACES)
          .consume(Telemetry.traces(Requests.spans("lib", 2)))
          .toCompletableFuture()
          .join();

      await().until(() -> exporters.get("recording/a").itemCount() == 2);
      await().until(() -> exporters.get("recording/b").itemCount() == 2);
      assertThat(stamps(exporters.get("recording/a").received())).containsOnly("1");
      assertThat(stamps(exporters.get("recording/b").received())).containsOnly("2");
    } finally {
      graph.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void aPluginSeesTheApiButNotOtelringsInternals() throws Exception {
    plugin("probe.jar", "com.example.probe", "probe", "\"unused\"", "1.0");
    Path jar =
        TestPluginJars.build(
            plugins,
            "probe2.jar",
            Map.of(
                "com.example.probe2.StampFactory",
                TestPluginJars.stampingFactory("com.example.probe2", "probe2", "\"x\"")
                    .replace(
                        "public String type() { return \"probe2\"; }",
                        "public String type() { return visible(\"io.otelring.core.config.ConfigLoader\")"
                            + " + \"_\" + visible(\"io.otelring.core.component.Factory\"); }\n"
                            + "static String visible(String name) { try { Class.forName(name);"
                            + " return \"sees\"; } catch (ClassNotFoundException e) {"
                            + " return \"blind\"; } }")),
            List.of("com.example.probe2.StampFactory"),
            "1.0");

    List<PluginJar> loaded = PluginLoader.load(plugins, BuiltInComponents.list());

    assertThat(loaded)
        .extracting(PluginJar::path)
        .containsExactly(plugins.resolve("probe.jar"), jar);
    assertThat(loaded.get(1).factories()).extracting(Factory::type).containsExactly("blind_sees");
    assertThat(loaded.get(0).version()).isEqualTo("0.0.1-test");
  }

  @Test
  void everyBrokenJarIsReportedInOneLineNamingIt() throws Exception {
    plugin("a-dup.jar", "com.example.a", "dup", "\"a\"", "1.0");
    plugin("b-dup.jar", "com.example.b", "dup", "\"b\"", "1.0");
    plugin("c-batch.jar", "com.example.c", "batch", "\"c\"", "1.0");
    plugin("d-future.jar", "com.example.d", "future", "\"d\"", "2.0");
    plugin("e-newer-minor.jar", "com.example.e", "newer", "\"e\"", "1.7");
    plugin("f-unversioned.jar", "com.example.f", "unversioned", "\"f\"", null);
    TestPluginJars.build(
        plugins,
        "g-empty.jar",
        Map.of("com.example.g.Nothing", "package com.example.g; public class Nothing {}"),
        List.of(),
        "1.0");
    plugin("h-good.jar", "com.example.h", "good", "\"h\"", "1.0");

    assertThatThrownBy(() -> PluginLoader.load(plugins, BuiltInComponents.list()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        plugins.resolve("b-dup.jar")
                            + ": processor type \"dup\" is already provided by "
                            + plugins.resolve("a-dup.jar"),
                        plugins.resolve("c-batch.jar")
                            + ": processor type \"batch\" is already provided by otelring itself"
                            + " (built in)",
                        plugins.resolve("d-future.jar")
                            + ": built against plugin API 2.0, but this otelring provides "
                            + PluginApi.VERSION
                            + ";"
                            + " rebuild it against 1.x",
                        plugins.resolve("e-newer-minor.jar")
                            + ": built against plugin API 1.7, but this otelring provides "
                            + PluginApi.VERSION
                            + ";"
                            + " rebuild it against 1.x",
                        plugins.resolve("f-unversioned.jar")
                            + ": its manifest does not say which plugin API it was built against"
                            + " (Otelring-Api-Version); this otelring provides "
                            + PluginApi.VERSION,
                        plugins.resolve("g-empty.jar")
                            + ": no factory found; list the jar's factory classes in"
                            + " META-INF/services/io.otelring.core.component.Factory"));
  }

  @Test
  void aPluginThatFailsToStartStopsStartupWithOneLineNamingItsJar() throws Exception {
    Path jar = plugin("failing.jar", "com.example.failing", "failing", "\"x\"", "1.0");
    Path config = temp.resolve("c.yaml");
    Files.writeString(
        config,
        """
        receivers: {otlp: {protocols: {grpc: {endpoint: 127.0.0.1:0}}}}
        processors: {failing: {key: fail}}
        exporters: {debug: {}}
        service:
          telemetry: {metrics: {level: none}}
          pipelines: {traces: {receivers: [otlp], processors: [failing], exporters: [debug]}}
        """);
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setErr(new PrintWriter(err));

    int exit = command.execute("--config", config.toString(), "--plugins", plugins.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "Error: cannot start the collector: processor failing (plugin "
                + jar
                + "): failed to start: java.lang.IllegalStateException: refusing to start\n");
  }

  private static List<String> stamps(List<Telemetry> received) {
    List<String> values = new ArrayList<>();
    received.forEach(
        t ->
            t.traces()
                .getResourceSpansList()
                .forEach(
                    rs ->
                        rs.getScopeSpansList()
                            .forEach(
                                ss ->
                                    ss.getSpansList()
                                        .forEach(
                                            span ->
                                                span.getAttributesList().stream()
                                                    .filter(kv -> kv.getKey().equals("lib"))
                                                    .forEach(
                                                        kv ->
                                                            values.add(
                                                                kv.getValue()
                                                                    .getStringValue()))))));
    return values;
  }
}
