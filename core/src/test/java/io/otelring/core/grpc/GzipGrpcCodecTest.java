package io.otelring.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What is sent as gzip is an ordinary gzip stream, deflated at zlib's fastest level. */
class GzipGrpcCodecTest {

  /** Repetitive as telemetry is (the same keys in every span), larger than any one buffer. */
  private static final byte[] MESSAGE = message();

  private static byte[] message() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 1024 * 1024; i++) {
      text.append("http.request.method=POST llm.request.model=gpt-4o span=").append(i).append(';');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] viaCodec() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (OutputStream out = GzipGrpcCodec.INSTANCE.compress(wire)) {
      out.write(MESSAGE);
    }
    return wire.toByteArray();
  }

  private static byte[] viaJdkAtLevel(int level) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (OutputStream out =
        new GZIPOutputStream(wire, 16 * 1024) {
          {
            def.setLevel(level);
          }
        }) {
      out.write(MESSAGE);
    }
    return wire.toByteArray();
  }

  @Test
  void anyGzipReaderGetsTheMessageBack() throws IOException {
    byte[] wire = viaCodec();

    assertThat(wire).startsWith(0x1f, 0x8b, 8); // gzip's magic and deflate
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
      assertThat(in.readAllBytes()).isEqualTo(MESSAGE);
    }
  }

  @Test
  void deflatesAtTheFastestLevelNotZlibsDefault() throws IOException {
    byte[] wire = viaCodec();

    assertThat(wire).isEqualTo(viaJdkAtLevel(Deflater.BEST_SPEED));
    assertThat(wire.length).isGreaterThan(viaJdkAtLevel(Deflater.DEFAULT_COMPRESSION).length);
  }

  @Test
  void readsWhatItWrites() throws IOException {
    try (InputStream in = GzipGrpcCodec.INSTANCE.decompress(new ByteArrayInputStream(viaCodec()))) {
      assertThat(in.readAllBytes()).isEqualTo(MESSAGE);
    }
  }
}
