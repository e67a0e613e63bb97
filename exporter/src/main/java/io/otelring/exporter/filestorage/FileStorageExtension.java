package io.otelring.exporter.filestorage;

import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.exporter.sending.QueueStorage;
import io.otelring.exporter.sending.RecordLog;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A directory holding one sub-directory of segment files per persistent queue. Starting creates the
 * directory when {@code create_directory} is set.
 */
final class FileStorageExtension implements Extension, QueueStorage {

  private final Logger logger;
  private final FileStorageConfig config;
  private final Path directory;

  FileStorageExtension(ComponentSettings settings, FileStorageConfig config) {
    this.logger = settings.logger();
    this.config = config;
    this.directory = Path.of(config.directory());
  }

  @Override
  public void start() throws IOException {
    if (config.createDirectory() && !Files.isDirectory(directory)) {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(symbolic(config.directoryPermissions()))));
      } else {
        Files.createDirectories(directory);
      }
    }
    if (!Files.isDirectory(directory)) {
      throw new IOException("directory " + directory + " does not exist");
    }
    logger.info("Storing queues in {} (fsync {})", directory, config.fsync() ? "on" : "off");
    if (config.compaction().requested()) {
      logger.info(
          "compaction is not needed here: a segment file is deleted once all its data is sent");
    }
  }

  @Override
  public RecordLog open(String name) throws IOException {
    return SegmentLog.open(directory.resolve(name), config.fsync(), logger);
  }

  @Override
  public void shutdown(Duration deadline) {}

  /** {@code 0750} as {@code rwxr-x---}. */
  private static String symbolic(String octal) {
    String digits = octal.length() == 4 ? octal.substring(1) : octal;
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      int bits = c - '0';
      out.append((bits & 4) != 0 ? 'r' : '-')
          .append((bits & 2) != 0 ? 'w' : '-')
          .append((bits & 1) != 0 ? 'x' : '-');
    }
    return out.toString();
  }
}
