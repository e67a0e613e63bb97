package io.otelring.receiver.otlp;

import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * {@code Content-Encoding} of request bodies: identity, gzip, deflate (zlib, as Go and HTTP mean
 * it) and zstd, as far as {@code compression_algorithms} allows them. A compressed body is inflated
 * in steps into a buffer that never grows past the size limit, so a small bomb is refused after at
 * most {@code max_request_body_size} bytes and not after it has filled the heap.
 */
final class ContentDecoding {

  /** Go's default {@code compression_algorithms}; "" is a body without {@code Content-Encoding}. */
  static final List<String> GO_DEFAULTS =
      List.of("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4");

  /** What Go knows; the ones otelring cannot inflate are accepted in config and warned about. */
  static final Set<String> KNOWN =
      Set.of("", "gzip", "zstd", "zlib", "snappy", "deflate", "lz4", "x-snappy-framed");

  static final Set<String> SERVED = Set.of("", "gzip", "zstd", "zlib", "deflate");

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
   * @param algorithms the configured {@code compression_algorithms}, or null for Go's defaults
   * @param limit the largest body in bytes, compressed or not
   */
  ContentDecoding(List<String> algorithms, long limit) {
    List<String> names = algorithms == null ? GO_DEFAULTS : algorithms;
    this.enabled = Set.copyOf(names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
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
    if (!enabled.contains(encoding) || !SERVED.contains(encoding)) {
      throw new Unsupported(contentEncoding == null ? "" : contentEncoding);
    }
    if (body.remaining() > limit) {
      throw new TooLarge(limit);
    }
    if (encoding.isEmpty()) {
      return body;
    }
    try (InputStream inflating =
        inflater(encoding, new ByteBufferBackedInputStream(body.duplicate()))) {
      return readBounded(inflating, body.remaining());
    }
  }

  private static InputStream inflater(String encoding, InputStream compressed) throws IOException {
    return switch (encoding) {
      case "gzip" -> new GZIPInputStream(compressed, STEP);
      case "deflate", "zlib" -> new InflaterInputStream(compressed);
      case "zstd" -> new ZstdInputStream(compressed);
      default -> throw new Unsupported(encoding);
    };
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
