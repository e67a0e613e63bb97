package io.otelring.core.pipeline;

/** A component failed to start; the message names it. */
public final class ComponentStartException extends Exception {
  ComponentStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
