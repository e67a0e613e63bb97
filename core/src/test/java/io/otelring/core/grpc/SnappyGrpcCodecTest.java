package io.otelring.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Messages are snappy's framing format, as Go's gRPC snappy codec writes them: the streams here are
 * built by hand from the format's description, not by the library under test.
 */
class SnappyGrpcCodecTest {

  /** The stream identifier chunk that starts every framed stream: type 0xff, length 6, "sNaPpY". */
  private static final byte[] STREAM_IDENTIFIER = {
    (byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'
  };

  private static byte[] compress(byte[] message) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (OutputStream out = SnappyGrpcCodec.INSTANCE.compress(wire)) {
      out.write(message);
    }
    return wire.toByteArray();
  }

  private static byte[] decompress(byte[] wire) throws IOException {
    try (InputStream in = SnappyGrpcCodec.INSTANCE.decompress(new ByteArrayInputStream(wire))) {
      return in.readAllBytes();
    }
  }

  /** A chunk: type, 3-byte little-endian length, the masked CRC-32C of the data, the payload. */
  private static void chunk(ByteArrayOutputStream out, int type, byte[] data, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    int masked = ((c >>> 15) | (c << 17)) + 0xa282ead8;
    int length = 4 + payload.length;
    out.write(type);
    out.write(length);
    out.write(length >>> 8);
    out.write(length >>> 16);
    for (int i = 0; i < 4; i++) {
      out.write(masked >>> (8 * i));
    }
    out.writeBytes(payload);
  }

  @Test
  void aLargeMessageSurvivesTheRoundTrip() throws IOException {
    // Repetitive as telemetry is (the same keys in every span), past snappy's 64 KiB chunks.
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 1024 * 1024; i++) {
      text.append("http.request.method=POST llm.request.model=gpt-4o span=").append(i).append(';');
    }
    byte[] message = text.toString().getBytes(StandardCharsets.US_ASCII);

    byte[] wire = compress(message);

    assertThat(wire).startsWith(STREAM_IDENTIFIER);
    assertThat(wire.length).isLessThan(message.length / 2);
    assertThat(decompress(wire)).isEqualTo(message);
  }

  @Test
  void readsAHandBuiltStreamOfACompressedAndAnUncompressedChunk() throws IOException {
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    byte[] world = " world".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(STREAM_IDENTIFIER);
    // The snappy block of "hello": its length as a varint, then one literal of 5 bytes.
    chunk(wire, 0x00, hello, new byte[] {5, (5 - 1) << 2, 'h', 'e', 'l', 'l', 'o'});
    chunk(wire, 0x01, world, world);

    assertThat(new String(decompress(wire.toByteArray()), StandardCharsets.US_ASCII))
        .isEqualTo("hello world");
  }

  @Test
  void aChunkWhoseChecksumDoesNotMatchIsRefused() {
    byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(STREAM_IDENTIFIER);
    chunk(wire, 0x01, "jello".getBytes(StandardCharsets.US_ASCII), data);

    assertThatThrownBy(() -> decompress(wire.toByteArray())).isInstanceOf(IOException.class);
  }
}
