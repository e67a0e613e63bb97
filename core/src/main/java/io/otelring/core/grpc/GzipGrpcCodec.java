package io.otelring.core.grpc;

import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code gzip} gRPC message encoding at zlib's fastest level. grpc-java's and grpc-go's gzip
 * compress at zlib's default level, 6, and Go's {@code configgrpc} offers no level to choose. On an
 * exporter the compression is most of what a collector spends per span: 9.4 µs per {@code otelspec}
 * span at level 6, 5.1 µs at level 1, against ~1 µs for the rest of the pipeline; level 1's output
 * was 5–6 % larger (BENCHMARKS.md, "gzip on the otlp exporter"). The stream is ordinary gzip; any
 * peer reads it.
 */
public final class GzipGrpcCodec implements Codec {

  /** The encoding's name on the wire. */
  public static final String NAME = "gzip";

  /** zlib's level used: {@link Deflater#BEST_SPEED}. */
  public static final int LEVEL = Deflater.BEST_SPEED;

  public static final GzipGrpcCodec INSTANCE = new GzipGrpcCodec();

  // The deflater's output goes to grpc-java's buffers in pieces this large (the JDK's default is
  // 512 bytes: a call into zlib per 512 compressed bytes).
  private static final int BUFFER_BYTES = 16 * 1024;

  private GzipGrpcCodec() {}

  @Override
  public String getMessageEncoding() {
    return NAME;
  }

  /** A gzip stream into {@code os}; grpc-java closes it after each message. */
  @Override
  public OutputStream compress(OutputStream os) throws IOException {
    return new GZIPOutputStream(os, BUFFER_BYTES) {
      {
        def.setLevel(LEVEL);
      }
    };
  }

  @Override
  public InputStream decompress(InputStream is) throws IOException {
    return new GZIPInputStream(is);
  }
}
