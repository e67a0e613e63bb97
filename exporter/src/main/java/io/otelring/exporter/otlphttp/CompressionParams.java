package io.otelring.exporter.otlphttp;

import io.otelring.exporter.otlp.Compression;
import java.util.List;

/**
 * {@code compression_params}: Go's {@code configcompression.CompressionParams}. A {@code level} of
 * 0, or none, means the compression's default, as Go's HTTP client replaces 0 by zlib's default
 * (-1) before compressing.
 */
public record CompressionParams(Integer level) {

  public CompressionParams {
    level = level == null ? 0 : level;
  }

  static CompressionParams defaults() {
    return new CompressionParams(null);
  }

  /**
   * Go's {@code ValidateParams}: gzip, deflate and zlib take zlib's levels (-1 default, -2 Huffman
   * only, 1 to 9); zstd takes any level and maps it to the nearest it has; no other compression
   * takes one. Without compression the params are not looked at.
   */
  void validate(String path, String compression, List<String> problems) {
    if (level == 0 || !Compression.isCompressed(compression)) {
      return;
    }
    boolean supported =
        switch (compression) {
          case "gzip", "deflate", "zlib" ->
              level == -1 || level == -2 || (level >= 1 && level <= 9);
          case "zstd" -> true;
          default -> false;
        };
    if (!supported) {
      problems.add(
          path
              + "::level: unsupported parameters {Level:"
              + level
              + "} for compression type \""
              + compression
              + "\"");
    }
  }
}
