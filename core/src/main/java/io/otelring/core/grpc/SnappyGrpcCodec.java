package io.otelring.core.grpc;

import io.airlift.compress.snappy.SnappyFramedInputStream;
import io.airlift.compress.snappy.SnappyFramedOutputStream;
import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The {@code snappy} gRPC message encoding ({@code grpc-encoding: snappy}) that the Go collector's
 * {@code configgrpc} registers and grpc-java lacks. Its messages are snappy's framing format (a
 * stream identifier, then chunks with a CRC-32C each), which is what Go's codec writes and reads;
 * the block format is what {@code Content-Encoding: snappy} means over HTTP, not here.
 */
public final class SnappyGrpcCodec implements Codec {

  /** The encoding's name on the wire. */
  public static final String NAME = "snappy";

  public static final SnappyGrpcCodec INSTANCE = new SnappyGrpcCodec();

  private SnappyGrpcCodec() {}

  @Override
  public String getMessageEncoding() {
    return NAME;
  }

  /** A stream that compresses into {@code os}; grpc-java closes it after each message. */
  @Override
  public OutputStream compress(OutputStream os) throws IOException {
    return new SnappyFramedOutputStream(os);
  }

  /**
   * A stream that inflates {@code is} and checks each chunk's checksum; grpc-java bounds what is
   * read from it by the maximum inbound message size.
   */
  @Override
  public InputStream decompress(InputStream is) throws IOException {
    return new SnappyFramedInputStream(is, true);
  }
}
