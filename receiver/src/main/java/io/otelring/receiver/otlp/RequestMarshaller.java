package io.otelring.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.otelring.core.component.Signal;
import io.otelring.core.wire.MalformedWireException;
import io.otelring.core.wire.WireScanner;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body without parsing it: the bytes are checked and counted by one walk of the
 * wire format ({@link WireScanner}, which accepts exactly what the parser accepts) and travel on as
 * bytes. Only a request with ids of impossible lengths is parsed, so that those items can be
 * screened out. It never throws: a body that is not a valid request becomes INVALID_ARGUMENT with
 * the reason, and a status raised while reading (RESOURCE_EXHAUSTED when a gzip body grows past the
 * limit) is kept as it is.
 */
final class RequestMarshaller<T extends Message> implements Marshaller<ParsedRequest<T>> {

  private final Signal signal;
  private final T defaultInstance;
  private final Marshaller<T> protobuf;
  private final String typeName;

  RequestMarshaller(Signal signal, T defaultInstance) {
    this.signal = signal;
    this.defaultInstance = defaultInstance;
    this.protobuf = ProtoUtils.marshaller(defaultInstance);
    this.typeName = defaultInstance.getDescriptorForType().getName();
  }

  @Override
  public InputStream stream(ParsedRequest<T> value) {
    return protobuf.stream(value.message());
  }

  @Override
  public ParsedRequest<T> parse(InputStream stream) {
    byte[] bytes;
    try {
      bytes = readAll(stream);
    } catch (StatusRuntimeException e) {
      return ParsedRequest.failed(e.getStatus());
    } catch (IOException | RuntimeException e) {
      // A corrupt gzip body fails while it is read.
      return ParsedRequest.failed(notParsable(e.getCause() == null ? e : e.getCause()));
    }
    WireScanner.Result scan;
    try {
      scan = WireScanner.scan(signal, bytes);
    } catch (MalformedWireException e) {
      return ParsedRequest.failed(notParsable(e));
    }
    if (!scan.badIds()) {
      return ParsedRequest.wire(bytes, scan.items());
    }
    try {
      @SuppressWarnings("unchecked")
      T message = (T) defaultInstance.getParserForType().parseFrom(bytes);
      return ParsedRequest.of(message);
    } catch (InvalidProtocolBufferException e) {
      return ParsedRequest.failed(notParsable(e)); // cannot happen after a clean scan
    }
  }

  /**
   * The whole body. An uncompressed message's stream knows its length: one array of that size,
   * filled straight from the transport's buffers. {@code readAllBytes} would read it in 8 KiB
   * chunks and copy them again into one array — a visible cost at 300 KB requests (JFR). The one
   * copy left is 2–4 % of the collector's CPU per span; keeping the transport's buffers instead
   * would not pay for walking segmented memory everywhere after (BENCHMARKS.md, "The receiver's
   * copy of each request").
   */
  private static byte[] readAll(InputStream stream) throws IOException {
    if (!(stream instanceof KnownLength)) {
      return stream.readAllBytes(); // a compressed body: its length is known only once inflated
    }
    byte[] bytes = new byte[stream.available()];
    int read = stream.readNBytes(bytes, 0, bytes.length);
    if (read != bytes.length || stream.read() != -1) {
      throw new IOException("the message is not as long as its stream said");
    }
    return bytes;
  }

  private Status notParsable(Throwable reason) {
    return Status.INVALID_ARGUMENT.withDescription(
        "the body is not a valid " + typeName + ": " + reason.getMessage());
  }
}
