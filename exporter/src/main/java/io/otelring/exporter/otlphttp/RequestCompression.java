package io.otelring.exporter.otlphttp;

import com.github.luben.zstd.Zstd;
import io.otelring.core.consumer.Telemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a request body for its {@code Content-Encoding} at the {@code compression_params}
 * level, as Go's {@code confighttp} does: gzip is a gzip stream, deflate and zlib are both a zlib
 * stream (as Go sends them), at zlib's levels; zstd maps the level onto the four speeds of Go's
 * zstd library. Unset (0) is zlib's default, 6, and for zstd the fastest speed.
 */
final class RequestCompression {

  /** zlib's "Huffman coding only" level. */
  static final int HUFFMAN_ONLY = -2;

  private RequestCompression() {}

  /** The body compressed as {@code compression}, one of the types the config accepts for HTTP. */
  static byte[] compress(String compression, int level, byte[] body) {
    return switch (compression) {
      case "zstd" -> Zstd.compress(body, zstdLevel(level));
      case "gzip", "deflate", "zlib" ->
          deflate(compression.equals("gzip"), level, body.length, out -> out.write(body));
      default -> throw new IllegalArgumentException("not an HTTP compression: " + compression);
    };
  }

  /**
   * A payload's protobuf bytes compressed: gzip, deflate and zlib read a joined batch piece by
   * piece instead of joining it into one array first.
   */
  static byte[] compress(String compression, int level, Telemetry payload) {
    return switch (compression) {
      case "gzip", "deflate", "zlib" ->
          deflate(compression.equals("gzip"), level, payload.serializedSize(), payload::writeTo);
      default -> compress(compression, level, payload.toByteArray());
    };
  }

  /** Writes an uncompressed body into a stream. */
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Go's zstd library has four speeds, chosen from a level as below; they are about zstd's levels
   * 1, 3, 7 and 11, which is what the native library is given here.
   */
  static int zstdLevel(int level) {
    if (level < 3) {
      return 1;
    }
    if (level < 6) {
      return 3;
    }
    return level < 10 ? 7 : 11;
  }

  private static byte[] deflate(boolean gzip, int level, int length, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
    Deflater zlib = gzip ? null : new Deflater();
    try (OutputStream compressing =
        gzip
            ? new GZIPOutputStream(out) {
              {
                configure(def, level);
              }
            }
            : new DeflaterOutputStream(out, configure(zlib, level))) {
      body.writeTo(compressing);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    } finally {
      if (zlib != null) {
        zlib.end(); // a stream given its deflater does not end it
      }
    }
    return out.toByteArray();
  }

  private static Deflater configure(Deflater deflater, int level) {
    if (level == HUFFMAN_ONLY) {
      deflater.setStrategy(Deflater.HUFFMAN_ONLY);
    } else if (level != 0) {
      deflater.setLevel(level); // -1 is zlib's default, as Deflater's
    }
    return deflater;
  }
}
