package io.otelring.core.grpc;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The {@code zstd} gRPC message encoding ({@code grpc-encoding: zstd}), which the Go collector's
 * gRPC clients and servers register next to gzip and grpc-java lacks. Messages are compressed at
 * zstd's default level with a 512 KiB window, as Go's codec does, so a decoder never needs a larger
 * buffer than that for an OTLP request. {@link GrpcCodecs} offers it.
 */
public final class ZstdGrpcCodec implements Codec {

  /** The encoding's name on the wire. */
  public static final String NAME = "zstd";

  public static final ZstdGrpcCodec INSTANCE = new ZstdGrpcCodec();

  /** zstd's default level; Go's gRPC codec uses klauspost's default, its equivalent. */
  private static final int LEVEL = 3;

  /** 2^19 = 512 KiB, the window Go's gRPC codec sets. */
  private static final int WINDOW_LOG = 19;

  private ZstdGrpcCodec() {}

  @Override
  public String getMessageEncoding() {
    return NAME;
  }

  /**
   * A stream that compresses into {@code os}; grpc-java closes it after each message, which ends
   * the zstd frame and frees its native context.
   */
  @Override
  public OutputStream compress(OutputStream os) throws IOException {
    return new ZstdOutputStreamNoFinalizer(os, LEVEL).setWindowLog(WINDOW_LOG);
  }

  /**
   * A stream that inflates {@code is}; grpc-java bounds what is read from it by the maximum inbound
   * message size and closes it once the message is parsed.
   */
  @Override
  public InputStream decompress(InputStream is) throws IOException {
    return new ZstdInputStreamNoFinalizer(is);
  }
}
