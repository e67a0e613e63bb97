package io.otelring.core.wire;

/** Bytes that are not a valid protobuf message of the expected type; the message says why. */
public final class MalformedWireException extends Exception {

  public MalformedWireException(String reason) {
    // Cheap: thrown for client input, where a stack trace says nothing.
    super(reason, null, false, false);
  }
}
