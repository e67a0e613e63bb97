package io.otelring.exporter.otlp;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A gRPC marshaller for a message that is already encoded: the request bytes go on the wire as they
 * are, so a batch that was never parsed is never encoded either.
 */
final class RawBytes {

  static final Marshaller<byte[]> MARSHALLER =
      new Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new KnownLengthStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private RawBytes() {}

  /**
   * Tells grpc-java the length up front, so it frames the message without copying it first, and
   * drains in one write into the transport's buffers instead of through an 8 KiB copy buffer.
   */
  private static final class KnownLengthStream extends ByteArrayInputStream
      implements KnownLength, Drainable {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
