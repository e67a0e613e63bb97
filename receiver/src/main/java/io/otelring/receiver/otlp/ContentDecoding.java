package io.otelring.receiver.otlp;

import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.github.luben.zstd.ZstdInputStream;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.snappy.SnappyFramedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * {@code Content-Encoding} of request bodies, every one Go's {@code confighttp} takes, as far as
 * {@code compression_algorithms} allows them: identity, gzip, deflate (zlib, as Go and HTTP mean
 * it), zlib, zstd, snappy, x-snappy-framed and lz4 (the LZ4 frame format). {@code snappy} is the
 * block format, or the framing format when the body starts with its stream identifier, as Go
 * accepts both for the name. A compressed body is inflated in steps into a buffer that never grows
 * past the size limit, so a small bomb is refused after at most {@code max_request_body_size} bytes
 * and not after it has filled the heap; a snappy block states its size first and is refused before
 * it is inflated.
 */
final class ContentDecoding {

  /**
   * Every {@code Content-Encoding} Go knows, all of which this server inflates, and the default of
   * {@code compression_algorithms}; "" is a body without {@code Content-Encoding}.
   */
  static final Set<String> KNOWN =
      Set.of("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4", "x-snappy-framed");

  /** The chunk that starts every snappy framed stream: type 0xff, length 6, "sNaPpY". */
  private static final byte[] SNAPPY_STREAM_IDENTIFIER = {
    (byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'
  };

  private static final int STEP = 64 * 1024;

  /** The body is larger than the limit, before or after decompression. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("the request body is larger than max_request_body_size (" + limit + " bytes)");
    }
  }

  /** The encoding is not one this server takes. */
  static final class Unsupported extends IOException {
    Unsupported(String encoding) {
      super("unsupported Content-Encoding: " + encoding);
    }
  }

  private final Set<String> enabled;
  private final long limit;

  /**
   * @param algorithms the configured {@code compression_algorithms}, or null for all of them
   * @param limit the largest body in bytes, compressed or not
   */
  ContentDecoding(List<String> algorithms, long limit) {
    this.enabled =
        algorithms == null
            ? KNOWN
            : Set.copyOf(algorithms.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    // A Java array holds at most about 2 GiB; a larger limit is no limit in practice.
    this.limit = Math.min(limit, Integer.MAX_VALUE - 16);
  }

  /**
   * The decoded body: the given buffer itself when it is not compressed.
   *
   * @throws Unsupported for an encoding that is not enabled or not known
   * @throws TooLarge when the body inflates past the limit
   * @throws IOException when the compressed body is corrupt
   */
  ByteBuffer decode(String contentEncoding, ByteBuffer body) throws IOException {
    String encoding =
        contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (encoding.equals("identity")) {
      encoding = "";
    }
    if (!enabled.contains(encoding) || !KNOWN.contains(encoding)) {
      throw new Unsupported(contentEncoding == null ? "" : contentEncoding);
    }
    if (body.remaining() > limit) {
      throw new TooLarge(limit);
    }
    if (encoding.isEmpty()) {
      return body;
    }
    if (encoding.equals("snappy") && !startsWith(body, SNAPPY_STREAM_IDENTIFIER)) {
      return snappyBlock(body);
    }
    try (InputStream inflating =
        inflater(encoding, new ByteBufferBackedInputStream(body.duplicate()))) {
      return readBounded(inflating, body.remaining());
    } catch (MalformedInputException | LZ4Exception e) {
      // The snappy and lz4 codecs report corrupt input unchecked; it is a bad request all the same.
      throw new IOException(encoding + ": corrupt input", e);
    }
  }

  private static InputStream inflater(String encoding, InputStream compressed) throws IOException {
    return switch (encoding) {
      case "gzip" -> new GZIPInputStream(compressed, STEP);
      case "deflate", "zlib" -> new InflaterInputStream(compressed);
      case "zstd" -> new ZstdInputStream(compressed);
      case "snappy", "x-snappy-framed" -> new SnappyFramedInputStream(compressed, true);
      // The pure-Java codec: the library would otherwise unpack a native one into the temp dir.
      case "lz4" ->
          new LZ4FrameInputStream(
              compressed,
              LZ4Factory.safeInstance().safeDecompressor(),
              XXHashFactory.safeInstance().hash32());
      default -> throw new Unsupported(encoding);
    };
  }

  private static boolean startsWith(ByteBuffer body, byte[] prefix) {
    return body.remaining() >= prefix.length
        && body.slice().limit(prefix.length).equals(ByteBuffer.wrap(prefix));
  }

  /** A snappy block: its inflated size is its first varint, checked before anything is inflated. */
  private ByteBuffer snappyBlock(ByteBuffer body) throws IOException {
    byte[] compressed = new byte[body.remaining()];
    body.duplicate().get(compressed);
    try {
      int size = SnappyDecompressor.getUncompressedLength(compressed, 0);
      if (size > limit) {
        throw new TooLarge(limit);
      }
      byte[] out = new byte[size];
      int written =
          new SnappyDecompressor().decompress(compressed, 0, compressed.length, out, 0, size);
      if (written != size) {
        throw new IOException("snappy: corrupt input");
      }
      return ByteBuffer.wrap(out);
    } catch (MalformedInputException | IndexOutOfBoundsException e) {
      throw new IOException("snappy: corrupt input", e);
    }
  }

  private ByteBuffer readBounded(InputStream in, int compressedSize) throws IOException {
    // Start near a typical ratio and grow by doubling, never past limit + 1.
    long first = Math.min(limit + 1, Math.max(STEP, 4L * compressedSize));
    byte[] out = new byte[(int) first];
    int size = 0;
    while (true) {
      if (size == out.length) {
        if (size > limit) {
          throw new TooLarge(limit);
        }
        out = Arrays.copyOf(out, (int) Math.min(limit + 1, 2L * out.length));
      }
      int read = in.read(out, size, out.length - size);
      if (read < 0) {
        break;
      }
      size += read;
    }
    if (size > limit) {
      throw new TooLarge(limit);
    }
    return ByteBuffer.wrap(out, 0, size);
  }
}
