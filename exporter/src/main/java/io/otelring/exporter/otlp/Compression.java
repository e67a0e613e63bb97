package io.otelring.exporter.otlp;

import java.util.List;

/**
 * The {@code compression} values of Go's {@code configcompression}, and which of them each
 * transport sends. Over gRPC Go sends gzip, zstd and snappy and refuses the other types when it
 * starts; otelring sends gzip and zstd. Over HTTP Go sends every type; otelring sends gzip, zstd,
 * and {@code deflate} and {@code zlib} (both a zlib stream, named as configured in {@code
 * Content-Encoding}, as Go does). {@code none} and the empty string send uncompressed. snappy,
 * x-snappy-framed and lz4 are refused with a message that says so.
 */
public final class Compression {

  /** Every type Go's {@code configcompression} accepts, besides {@code none} and "". */
  private static final List<String> GO_TYPES =
      List.of("gzip", "zlib", "deflate", "snappy", "x-snappy-framed", "zstd", "lz4");

  /** The types Go's gRPC client can send. */
  private static final List<String> GO_GRPC = List.of("gzip", "snappy", "zstd");

  private static final List<String> GRPC = List.of("gzip", "zstd");
  private static final List<String> HTTP = List.of("gzip", "zstd", "deflate", "zlib");

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
    if (GO_TYPES.contains(compression) && !GO_GRPC.contains(compression)) {
      // Go refuses these too (configgrpc), though only when the exporter starts.
      problems.add(
          "compression: unsupported compression type \""
              + compression
              + "\" for gRPC; "
              + choices(GRPC));
    } else {
      refuse(compression, GRPC, problems);
    }
  }

  /** Checks the {@code compression} of an HTTP exporter. */
  public static void validateHttp(String compression, List<String> problems) {
    if (isCompressed(compression) && !HTTP.contains(compression)) {
      refuse(compression, HTTP, problems);
    }
  }

  private static void refuse(String compression, List<String> sent, List<String> problems) {
    if (GO_TYPES.contains(compression)) {
      problems.add(
          "compression: \"" + compression + "\" is not supported by otelring; " + choices(sent));
    } else {
      problems.add("compression: unsupported compression type \"" + compression + "\"");
    }
  }

  private static String choices(List<String> sent) {
    return "use " + String.join(", ", sent) + " or none";
  }
}
