package io.otelring.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registries offer zstd and snappy next to gzip (sent at the fastest level) and identity. */
class GrpcCodecsTest {

  @Test
  void compressorsAreIdentityGzipZstdAndSnappy() {
    assertThat(GrpcCodecs.compressors().lookupCompressor("zstd")).isSameAs(ZstdGrpcCodec.INSTANCE);
    assertThat(GrpcCodecs.compressors().lookupCompressor("snappy"))
        .isSameAs(SnappyGrpcCodec.INSTANCE);
    assertThat(GrpcCodecs.compressors().lookupCompressor("gzip")).isSameAs(GzipGrpcCodec.INSTANCE);
    assertThat(GrpcCodecs.compressors().lookupCompressor("lz4")).isNull();
  }

  @Test
  void decompressorsAreKnownAndAdvertised() {
    assertThat(GrpcCodecs.decompressors().getKnownMessageEncodings())
        .contains("identity", "gzip", "zstd", "snappy");
    assertThat(GrpcCodecs.decompressors().getAdvertisedMessageEncodings())
        .contains("gzip", "zstd", "snappy");
  }
}
