package io.otelring.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec's frames are plain zstd. */
class ZstdGrpcCodecTest {

  private static byte[] message(int size) {
    byte[] bytes = new byte[size];
    Random random = new Random(42);
    for (int i = 0; i < size; i++) {
      // Compressible but not trivially: a small alphabet.
      bytes[i] = (byte) ('a' + random.nextInt(8));
    }
    return bytes;
  }

  private static byte[] compress(byte[] message) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (OutputStream out = ZstdGrpcCodec.INSTANCE.compress(wire)) {
      out.write(message);
    }
    return wire.toByteArray();
  }

  @Test
  void aMessageLargerThanTheWindowSurvivesTheRoundTrip() throws Exception {
    byte[] message = message(3 * 1024 * 1024);

    byte[] compressed = compress(message);
    byte[] restored;
    try (InputStream in = ZstdGrpcCodec.INSTANCE.decompress(new ByteArrayInputStream(compressed))) {
      restored = in.readAllBytes();
    }

    assertThat(compressed.length).isLessThan(message.length / 2);
    assertThat(restored).isEqualTo(message);
  }

  @Test
  void framesArePlainZstdThatAnyDecoderReads() throws Exception {
    byte[] message = "an OTLP request".repeat(100).getBytes(StandardCharsets.UTF_8);

    byte[] compressed = compress(message);

    assertThat(Zstd.decompress(compressed, message.length)).isEqualTo(message);
  }
}
