package io.otelring.exporter.filestorage;

import io.otelring.core.component.ComponentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code file_storage}, with the keys of the Go collector's contrib extension: {@code directory}
 * (default {@code /var/lib/otelcol/file_storage}), {@code create_directory}, {@code
 * directory_permissions}, {@code timeout} (accepted; writes here do not lock), {@code fsync}, and
 * {@code compaction} (accepted, not needed: see {@link CompactionConfig}). Unlike Go, {@code fsync}
 * defaults to true: otelring answers a client OK only once a persistent queue holds the data, and
 * group commit keeps that to one sync per batch of writes.
 */
public record FileStorageConfig(
    String directory,
    Boolean createDirectory,
    String directoryPermissions,
    Duration timeout,
    Boolean fsync,
    CompactionConfig compaction)
    implements ComponentConfig {

  static final String DEFAULT_DIRECTORY = "/var/lib/otelcol/file_storage";

  public FileStorageConfig {
    directory = directory == null ? DEFAULT_DIRECTORY : directory;
    createDirectory = createDirectory != null && createDirectory;
    directoryPermissions = directoryPermissions == null ? "0750" : directoryPermissions;
    timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
    fsync = fsync == null || fsync;
    compaction = compaction == null ? CompactionConfig.defaults() : compaction;
  }

  static FileStorageConfig defaults() {
    return new FileStorageConfig(null, null, null, null, null, null);
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (directory.isEmpty()) {
      problems.add("directory: must not be empty");
    } else if (!createDirectory && !Files.isDirectory(Path.of(directory))) {
      problems.add(
          "directory: "
              + directory
              + " is not an existing directory (set create_directory: true to create it)");
    }
    if (!directoryPermissions.matches("0?[0-7]{3}")) {
      problems.add(
          "directory_permissions: \""
              + directoryPermissions
              + "\" is not an octal mode such as 0750");
    }
    if (timeout.isNegative()) {
      problems.add("timeout: must not be negative");
    }
    compaction.validate("compaction", problems);
    return problems;
  }
}
