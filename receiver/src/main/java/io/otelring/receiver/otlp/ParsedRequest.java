package io.otelring.receiver.otlp;

import io.grpc.Status;

/**
 * A request body as the gRPC transport hands it over: its checked bytes with their item count (the
 * fast path: nothing parsed), or the parsed message (when items must be screened out), or the
 * status to answer instead. Reading is done in the marshaller, where grpc-java turns any exception
 * into UNKNOWN; carrying the failure to the handler lets the receiver answer INVALID_ARGUMENT, as
 * Go does for a body that does not parse.
 */
record ParsedRequest<T>(T message, byte[] wire, int items, Status failure) {

  static <T> ParsedRequest<T> of(T message) {
    return new ParsedRequest<>(message, null, 0, null);
  }

  static <T> ParsedRequest<T> wire(byte[] bytes, int items) {
    return new ParsedRequest<>(null, bytes, items, null);
  }

  static <T> ParsedRequest<T> failed(Status failure) {
    return new ParsedRequest<>(null, null, 0, failure);
  }
}
