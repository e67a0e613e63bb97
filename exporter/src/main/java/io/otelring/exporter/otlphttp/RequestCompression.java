package io.otelring.exporter.otlphttp;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a request body for its {@code Content-Encoding}, at the levels Go's {@code confighttp}
 * uses when {@code compression_params} is not set: zlib's default (6) for gzip and for deflate and
 * zlib — both a zlib stream, as Go sends them — and zstd level 1, the level Go's default maps to
 * for zstd (klauspost's "fastest").
 */
final class RequestCompression {

  private static final int ZSTD_LEVEL = 1;

  private RequestCompression() {}

  /** The body compressed as {@code compression}, one of the types the config accepts for HTTP. */
  static byte[] compress(String compression, byte[] body) {
    return switch (compression) {
      case "zstd" -> Zstd.compress(body, ZSTD_LEVEL);
      case "gzip", "deflate", "zlib" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (OutputStream compressing =
            compression.equals("gzip")
                ? new GZIPOutputStream(out)
                : new DeflaterOutputStream(out)) {
          compressing.write(body);
        } catch (IOException e) {
          throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        yield out.toByteArray();
      }
      default -> throw new IllegalArgumentException("not an HTTP compression: " + compression);
    };
  }
}
