package io.otelring.exporter.otlp;

import java.util.List;

/**
 * The {@code compression} values of Go's {@code configcompression}: otelring's exporters send
 * {@code gzip} or nothing ({@code none}, empty); the others Go knows are reported as not supported.
 */
public final class Compression {

  private static final List<String> GO_ONLY = List.of("zstd", "snappy", "deflate", "zlib", "lz4");

  private Compression() {}

  public static boolean gzip(String compression) {
    return compression.equals("gzip");
  }

  public static void validate(String compression, List<String> problems) {
    if (compression.equals("gzip") || compression.equals("none") || compression.isEmpty()) {
      return;
    }
    if (GO_ONLY.contains(compression)) {
      problems.add(
          "compression: \"" + compression + "\" is not supported by otelring; use gzip or none");
    } else {
      problems.add("compression: unsupported compression type \"" + compression + "\"");
    }
  }
}
