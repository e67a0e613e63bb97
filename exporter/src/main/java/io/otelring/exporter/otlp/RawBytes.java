package io.otelring.exporter.otlp;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  /** Tells grpc-java the length up front, so it frames the message without copying it first. */
  private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }
  }
}
