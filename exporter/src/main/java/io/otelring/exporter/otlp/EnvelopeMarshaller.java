package io.otelring.exporter.otlp;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import io.otelring.core.consumer.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The request side of the exporter's gRPC calls: an envelope goes on the wire as the protobuf bytes
 * it holds ({@link Telemetry#writeTo}), piece by piece, so a batch that was never parsed is neither
 * encoded nor copied into one array first.
 */
final class EnvelopeMarshaller implements Marshaller<Telemetry> {

  static final EnvelopeMarshaller INSTANCE = new EnvelopeMarshaller();

  private EnvelopeMarshaller() {}

  @Override
  public InputStream stream(Telemetry value) {
    return new EnvelopeStream(value);
  }

  /** The exporter only sends requests; a client never has to parse one. */
  @Override
  public Telemetry parse(InputStream stream) {
    throw new UnsupportedOperationException("the OTLP exporter does not receive requests");
  }

  /**
   * Tells grpc-java the length up front, so it frames the message without buffering it, and drains
   * by writing the envelope's pieces straight into the transport's buffers. Reading byte by byte,
   * which grpc-java does not do for a drainable stream, falls back to one joined array.
   */
  private static final class EnvelopeStream extends InputStream implements KnownLength, Drainable {
    private Telemetry envelope;
    private ByteArrayInputStream read;

    EnvelopeStream(Telemetry envelope) {
      this.envelope = envelope;
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      if (read == null && envelope != null) {
        int length = envelope.serializedSize();
        envelope.writeTo(target);
        envelope = null;
        return length;
      }
      return read == null ? 0 : (int) read.transferTo(target);
    }

    @Override
    public int available() {
      if (read != null) {
        return read.available();
      }
      return envelope == null ? 0 : envelope.serializedSize();
    }

    @Override
    public int read() {
      return reading().read();
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      return reading().read(into, offset, length);
    }

    private ByteArrayInputStream reading() {
      if (read == null) {
        read = new ByteArrayInputStream(envelope == null ? new byte[0] : envelope.toByteArray());
        envelope = null;
      }
      return read;
    }
  }
}
