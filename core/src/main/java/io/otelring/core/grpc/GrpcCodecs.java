package io.otelring.core.grpc;

import io.grpc.Codec;
import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;

/**
 * The message encodings of otelring's gRPC servers and channels: identity and gzip, plus the zstd
 * and snappy that Go's {@code configgrpc} registers. What is sent as gzip is compressed at zlib's
 * fastest level ({@link GzipGrpcCodec}); what arrives as gzip is read by grpc-java's codec. The
 * registries returned are new instances: grpc-java's global defaults are not changed.
 */
public final class GrpcCodecs {

  private GrpcCodecs() {}

  /**
   * identity, gzip, zstd and snappy, all advertised to the peer in {@code grpc-accept-encoding}.
   */
  public static DecompressorRegistry decompressors() {
    return DecompressorRegistry.getDefaultInstance()
        .with(ZstdGrpcCodec.INSTANCE, true)
        .with(SnappyGrpcCodec.INSTANCE, true);
  }

  /** identity, gzip (at zlib's fastest level), zstd and snappy, for a channel or server builder. */
  public static CompressorRegistry compressors() {
    CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
    registry.register(Codec.Identity.NONE);
    registry.register(GzipGrpcCodec.INSTANCE);
    registry.register(ZstdGrpcCodec.INSTANCE);
    registry.register(SnappyGrpcCodec.INSTANCE);
    return registry;
  }
}
