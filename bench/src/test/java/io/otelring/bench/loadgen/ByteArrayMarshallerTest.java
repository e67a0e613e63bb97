package io.otelring.bench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.KnownLength;
import io.grpc.internal.CompositeReadableBuffer;
import io.grpc.internal.ReadableBuffers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteArrayMarshallerTest {

  private static final ByteArrayMarshaller MARSHALLER = ByteArrayMarshaller.INSTANCE;

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  @Test
  void readsAMessageInPiecesAsGrpcHandsItOver() {
    byte[] message = bytes(40_000);
    // As grpc-java's deframer passes a message: HTTP/2 frames of 16 KiB, one known-length stream.
    CompositeReadableBuffer frames = new CompositeReadableBuffer();
    frames.addBuffer(ReadableBuffers.wrap(Arrays.copyOfRange(message, 0, 16_384)));
    frames.addBuffer(ReadableBuffers.wrap(Arrays.copyOfRange(message, 16_384, 32_768)));
    frames.addBuffer(ReadableBuffers.wrap(Arrays.copyOfRange(message, 32_768, 40_000)));
    InputStream stream = ReadableBuffers.openStream(frames, true);

    assertThat(stream).isInstanceOf(KnownLength.class);
    assertThat(MARSHALLER.parse(stream)).isEqualTo(message);
  }

  @Test
  void anEmptyMessageIsAnEmptyArray() {
    assertThat(MARSHALLER.parse(new Counted(new byte[0], 0))).isEmpty();
  }

  @Test
  void keepsWhatAStreamHasWhenItsLengthIsWrong() {
    byte[] message = bytes(1_000);

    assertThat(MARSHALLER.parse(new Counted(message, 600))).isEqualTo(message);
    assertThat(MARSHALLER.parse(new Counted(message, 1_200))).isEqualTo(message);
  }

  @Test
  void readsAStreamOfUnknownLengthToItsEnd() {
    byte[] message = bytes(70_000);

    assertThat(MARSHALLER.parse(new ByteArrayInputStream(message))).isEqualTo(message);
  }

  @Test
  void streamsAnArrayForGrpcToDrain() throws Exception {
    byte[] message = bytes(5_000);

    assertThat(MARSHALLER.stream(message)).isInstanceOf(KnownLength.class);
    assertThat(MARSHALLER.stream(message).readAllBytes()).isEqualTo(message);
  }

  /** A known-length stream that reports {@code claimed} bytes available, right or not. */
  private static final class Counted extends ByteArrayInputStream implements KnownLength {
    private final int claimed;

    Counted(byte[] bytes, int claimed) {
      super(bytes);
      this.claimed = claimed;
    }

    @Override
    public synchronized int available() {
      return pos == 0 ? claimed : super.available();
    }
  }
}
