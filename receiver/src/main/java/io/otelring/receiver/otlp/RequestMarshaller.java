package io.otelring.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.io.InputStream;

/**
 * Parses a request with grpc-java's own protobuf marshaller (which reuses buffers and avoids
 * copies), but never throws: a body that does not parse becomes INVALID_ARGUMENT with the parser's
 * reason, and a status raised while reading (RESOURCE_EXHAUSTED when a gzip body grows past the
 * limit) is kept as it is.
 */
final class RequestMarshaller<T extends Message> implements Marshaller<ParsedRequest<T>> {

  private final Marshaller<T> protobuf;
  private final String typeName;

  RequestMarshaller(T defaultInstance) {
    this.protobuf = ProtoUtils.marshaller(defaultInstance);
    this.typeName = defaultInstance.getDescriptorForType().getName();
  }

  @Override
  public InputStream stream(ParsedRequest<T> value) {
    return protobuf.stream(value.message());
  }

  @Override
  public ParsedRequest<T> parse(InputStream stream) {
    try {
      return ParsedRequest.of(protobuf.parse(stream));
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof InvalidProtocolBufferException invalid) {
        return ParsedRequest.failed(notParsable(invalid));
      }
      return ParsedRequest.failed(e.getStatus());
    } catch (RuntimeException e) {
      // grpc-java wraps an IOException of the body stream (a corrupt gzip body) this way.
      return ParsedRequest.failed(notParsable(e.getCause() == null ? e : e.getCause()));
    }
  }

  private Status notParsable(Throwable reason) {
    return Status.INVALID_ARGUMENT.withDescription(
        "the body is not a valid " + typeName + ": " + reason.getMessage());
  }
}
