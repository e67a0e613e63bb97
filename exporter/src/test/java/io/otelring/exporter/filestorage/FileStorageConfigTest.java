package io.otelring.exporter.filestorage;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults (Go's, but fsync on), a full YAML fixture, and the validation messages. */
class FileStorageConfigTest {

  private final FileStorageExtensionFactory factory = new FileStorageExtensionFactory();

  @TempDir Path dir;

  @Test
  void defaults() {
    assertThat(factory.defaultConfig())
        .isEqualTo(
            new FileStorageConfig(
                "/var/lib/otelcol/file_storage", false, "0750", Duration.ofSeconds(1), true));
    assertThat(ConfigFixtures.bind(factory, "directory: " + dir).fsync()).isTrue();
  }

  @Test
  void fullYamlBindsToTheRecord() {
    assertThat(ConfigFixtures.bindResource(factory, "/file_storage/full.yaml"))
        .isEqualTo(
            new FileStorageConfig(
                "/tmp/otelring-queue-test-does-not-exist",
                true,
                "0700",
                Duration.ofSeconds(2),
                false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{directory: /no/such/dir} | directory: /no/such/dir is not an existing directory (set create_directory: true to create it)",
        "{directory: '', create_directory: true} | directory: must not be empty",
        "{directory: /tmp, directory_permissions: rwx} | directory_permissions: \"rwx\" is not an octal mode such as 0750",
        "{directory: /tmp, compaction: {}} | compaction: unknown key",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).anyMatch(p -> p.startsWith(message));
  }
}
