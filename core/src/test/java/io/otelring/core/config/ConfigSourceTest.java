package io.otelring.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void laterFilesMergeMapsAndReplaceLists() throws Exception {
    Path base = write("a.yaml", "a: {x: 1, y: [1, 2], z: {k: v}}\n");
    Path over = write("b.yaml", "a: {y: [3], z: {k2: v2}}\n");

    ConfigSource source = ConfigSource.load(List.of(base.toString(), over.toString()));

    assertThat(source.root().toString())
        .isEqualTo("{\"a\":{\"x\":1,\"y\":[3],\"z\":{\"k\":\"v\",\"k2\":\"v2\"}}}");
  }

  @Test
  void inlineYamlSourceSetsOneKey() throws Exception {
    Path base = write("a.yaml", "processors: {batch: {timeout: 1s}}\n");

    ConfigSource source =
        ConfigSource.load(List.of(base.toString(), "yaml:processors::batch::timeout: 2s"));

    assertThat(source.root().path("processors").path("batch").path("timeout").asText())
        .isEqualTo("2s");
  }

  @Test
  void expandsEnvironmentReferences() throws Exception {
    Path file =
        write(
            "env.yaml",
            """
            a: ${env:HOST}:4317
            b: ${env:MISSING:-fallback}
            c: ${PORT}
            d: $${env:HOST}
            e: ${env:MISSING}
            f: ${env:EMPTY:-default}
            """);
    Map<String, String> env = Map.of("HOST", "collector", "PORT", "4317", "EMPTY", "");

    ConfigSource source = ConfigSource.load(List.of(file.toString()), env::get);

    assertThat(source.root().path("a").asText()).isEqualTo("collector:4317");
    assertThat(source.root().path("b").asText()).isEqualTo("fallback");
    assertThat(source.root().path("c").isInt())
        .as("a whole reference takes the YAML type")
        .isTrue();
    assertThat(source.root().path("c").asInt()).isEqualTo(4317);
    assertThat(source.root().path("d").asText()).isEqualTo("${env:HOST}");
    assertThat(source.root().path("e").asText()).isEmpty();
    assertThat(source.root().path("f").asText()).isEqualTo("default");
  }

  @Test
  void recordsTheLineOfEveryKey() throws Exception {
    Path file = write("lines.yaml", "receivers:\n  otlp:\n    protocols:\n      grpc: {}\n");

    ConfigSource source = ConfigSource.load(List.of(file.toString()));

    assertThat(source.locations().of("receivers::otlp::protocols::grpc")).isEqualTo(file + ":4");
    assertThat(source.locations().of("receivers::otlp::protocols::grpc::endpoint"))
        .as("an unknown child falls back to its parent")
        .isEqualTo(file + ":4");
  }

  @Test
  void reportsEveryMissingFileAtOnce() {
    assertThatThrownBy(() -> ConfigSource.load(List.of("/nope/a.yaml", "/nope/b.yaml")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("/nope/a.yaml: no such file", "/nope/b.yaml: no such file"));
  }

  @Test
  void badYamlNamesTheFileAndLine() throws Exception {
    Path file = write("bad.yaml", "receivers:\n  otlp: {\n    x: [1, 2\n");

    assertThatThrownBy(() -> ConfigSource.load(List.of(file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).singleElement().asString().startsWith(file + ":"));
  }
}
