package io.otelring.exporter.otlphttp;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyFramedOutputStream;
import io.otelring.core.consumer.Telemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Compresses a request body for its {@code Content-Encoding} at the {@code compression_params}
 * level, as Go's {@code confighttp} does: gzip is a gzip stream, deflate and zlib are both a zlib
 * stream (as Go sends them), at zlib's levels; zstd maps the level onto the four speeds of Go's
 * zstd library; snappy is one snappy block, x-snappy-framed snappy's framing format, lz4 the LZ4
 * frame format (these three take no level). Unset (0) is zlib's default, 6, and for zstd the
 * fastest speed.
 */
final class RequestCompression {

  /** zlib's "Huffman coding only" level. */
  static final int HUFFMAN_ONLY = -2;

  private RequestCompression() {}

  /** The body compressed as {@code compression}, one of the types the config accepts for HTTP. */
  static byte[] compress(String compression, int level, byte[] body) {
    return switch (compression) {
      case "zstd" -> Zstd.compress(body, zstdLevel(level));
      case "snappy" -> snappyBlock(body);
      default -> stream(compression, level, body.length, out -> out.write(body));
    };
  }

  /**
   * A payload's protobuf bytes compressed: the stream formats read a joined batch piece by piece
   * instead of joining it into one array first.
   */
  static byte[] compress(String compression, int level, Telemetry payload) {
    return switch (compression) {
      case "zstd", "snappy" -> compress(compression, level, payload.toByteArray());
      default -> stream(compression, level, payload.serializedSize(), payload::writeTo);
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

  private static byte[] stream(String compression, int level, int length, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
    boolean zlibStream = compression.equals("deflate") || compression.equals("zlib");
    Deflater zlib = zlibStream ? configure(new Deflater(), level) : null;
    try (OutputStream compressing =
        switch (compression) {
          case "gzip" ->
              new GZIPOutputStream(out) {
                {
                  configure(def, level);
                }
              };
          case "deflate", "zlib" -> new DeflaterOutputStream(out, zlib);
          case "x-snappy-framed" -> new SnappyFramedOutputStream(out);
          case "lz4" -> lz4Frame(out);
          default -> throw new IllegalArgumentException("not an HTTP compression: " + compression);
        }) {
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

  private static byte[] snappyBlock(byte[] body) {
    SnappyCompressor snappy = new SnappyCompressor();
    byte[] out = new byte[snappy.maxCompressedLength(body.length)];
    int size = snappy.compress(body, 0, body.length, out, 0, out.length);
    return Arrays.copyOf(out, size);
  }

  /**
   * An LZ4 frame with a checksum of its content, as Go's lz4 writer makes it, in blocks of 256 KiB
   * rather than Go's 4 MiB: each stream allocates two blocks, and any decoder reads either. The
   * pure-Java codec: the library would otherwise unpack a native one into the temp dir.
   */
  private static OutputStream lz4Frame(OutputStream out) throws IOException {
    return new LZ4FrameOutputStream(
        out,
        LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB,
        -1L,
        LZ4Factory.safeInstance().fastCompressor(),
        XXHashFactory.safeInstance().hash32(),
        LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
        LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM);
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
