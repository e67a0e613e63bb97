package io.otelring.bench.loadgen;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.Marshaller;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.component.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A gRPC marshaller of plain bytes: the load generator replays encoded requests through it, and
 * baseline B0 reads requests through it without parsing.
 */
public final class ByteArrayMarshaller implements Marshaller<byte[]> {

  public static final ByteArrayMarshaller INSTANCE = new ByteArrayMarshaller();

  private ByteArrayMarshaller() {}

  /** The OTLP {@code Export} method of a signal, with bytes in and out. */
  public static MethodDescriptor<byte[], byte[]> exportMethod(Signal signal) {
    MethodDescriptor<?, ?> generated =
        switch (signal) {
          case TRACES -> TraceServiceGrpc.getExportMethod();
          case METRICS -> MetricsServiceGrpc.getExportMethod();
          case LOGS -> LogsServiceGrpc.getExportMethod();
        };
    return generated.toBuilder(INSTANCE, INSTANCE).build();
  }

  @Override
  public InputStream stream(byte[] value) {
    return new Bytes(value);
  }

  /**
   * Reads a message whose length gRPC knows (every message it hands over uncompressed) into one
   * array of that length, copying each byte once, as the collector's receiver does; {@code
   * readAllBytes} gathers the bytes in pieces and copies them again into its result, which made B0
   * read each byte twice.
   */
  @Override
  public byte[] parse(InputStream stream) {
    try {
      if (!(stream instanceof KnownLength)) {
        return stream.readAllBytes();
      }
      int length = stream.available();
      byte[] bytes = new byte[length];
      int read = stream.readNBytes(bytes, 0, length);
      int next = stream.read();
      if (read == length && next == -1) {
        return bytes;
      }
      // The stream said less, or more, than it had: keep what it has.
      ByteArrayOutputStream all = new ByteArrayOutputStream(read + 1);
      all.write(bytes, 0, read);
      if (next != -1) {
        all.write(next);
        stream.transferTo(all);
      }
      return all.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tells gRPC the length up front and lets it copy the array in one write. */
  private static final class Bytes extends ByteArrayInputStream implements KnownLength, Drainable {
    Bytes(byte[] bytes) {
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
