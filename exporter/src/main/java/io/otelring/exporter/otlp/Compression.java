package io.otelring.exporter.otlp;

import java.util.List;

/**
 * The {@code compression} values of Go's {@code configcompression}, and which of them each
 * transport sends, as in Go: over gRPC gzip, zstd and snappy ({@code configgrpc} refuses the other
 * types); over HTTP every type — gzip, deflate and zlib (both a zlib stream, named as configured in
 * {@code Content-Encoding}), zstd, snappy (the block format), x-snappy-framed and lz4 (the LZ4
 * frame format). {@code none} and the empty string send uncompressed.
 */
public final class Compression {

  /** Every type Go's {@code configcompression} accepts, besides {@code none} and "": HTTP's. */
  private static final List<String> GO_TYPES =
      List.of("gzip", "zlib", "deflate", "snappy", "x-snappy-framed", "zstd", "lz4");

  /** The types Go's gRPC client sends. */
  private static final List<String> GRPC = List.of("gzip", "zstd", "snappy");

  private Compression() {}

  /** Whether a body is compressed at all: not for {@code none} or "". */
  public static boolean isCompressed(String compression) {
    return !compression.isEmpty() && !compression.equals("none");
  }

  /** Checks the {@code compression} of a gRPC exporter. */
  public static void validateGrpc(String compression, List<String> problems) {
    if (!isCompressed(compression) || GRPC.contains(compression)) {
      return;
    }
    if (GO_TYPES.contains(compression)) {
      // Go refuses these too (configgrpc), though only when the exporter starts.
      problems.add(
          "compression: unsupported compression type \""
              + compression
              + "\" for gRPC; use "
              + String.join(", ", GRPC)
              + " or none");
    } else {
      problems.add("compression: unsupported compression type \"" + compression + "\"");
    }
  }

  /** Checks the {@code compression} of an HTTP exporter. */
  public static void validateHttp(String compression, List<String> problems) {
    if (isCompressed(compression) && !GO_TYPES.contains(compression)) {
      problems.add("compression: unsupported compression type \"" + compression + "\"");
    }
  }
}
