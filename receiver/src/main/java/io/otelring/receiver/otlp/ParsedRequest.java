package io.otelring.receiver.otlp;

import io.grpc.Status;

/**
 * A request body as the gRPC transport hands it over: either the parsed message or the status to
 * answer instead. Parsing is done in the marshaller, where grpc-java turns any exception into
 * UNKNOWN; carrying the failure to the handler lets the receiver answer INVALID_ARGUMENT, as Go
 * does for a body that does not parse.
 */
record ParsedRequest<T>(T message, Status failure) {

  static <T> ParsedRequest<T> of(T message) {
    return new ParsedRequest<>(message, null);
  }

  static <T> ParsedRequest<T> failed(Status failure) {
    return new ParsedRequest<>(null, failure);
  }
}
