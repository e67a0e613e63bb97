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
                "/var/lib/otelcol/file_storage",
                false,
                "0750",
                Duration.ofSeconds(1),
                true,
                new CompactionConfig(
                    false,
                    false,
                    "/var/lib/otelcol/file_storage",
                    512L,
                    10L,
                    65_536L,
                    Duration.ofSeconds(5),
                    false)));
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
                false,
                new CompactionConfig(
                    true, true, "/tmp", 100L, 5L, 1024L, Duration.ofSeconds(10), true)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{directory: /no/such/dir} | directory: /no/such/dir is not an existing directory (set create_directory: true to create it)",
        "{directory: '', create_directory: true} | directory: must not be empty",
        "{directory: /tmp, directory_permissions: rwx} | directory_permissions: \"rwx\" is not an octal mode such as 0750",
        "{directory: /tmp, compaction: {max_transaction_size: -1}} | compaction::max_transaction_size: must not be negative",
        "{directory: /tmp, compaction: {on_rebound: true, check_interval: 0s}} | compaction::check_interval: must be positive when on_rebound is set",
        "{directory: /tmp, compaction: {on_start: yes_please}} | compaction::on_start:",
        "{directory: /tmp, compaction: {vacuum: true}} | compaction::vacuum: unknown key",
      })
  void invalidConfigsAreReported(String yaml, String message) {
    assertThat(ConfigFixtures.problems(factory, yaml)).anyMatch(p -> p.startsWith(message));
  }
}
