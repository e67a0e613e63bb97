package io.otelring.core.otlpjson;

import java.io.IOException;

/**
 * A JSON document that is not a valid OTLP/JSON message. The message is short and names where the
 * problem is, as a path such as {@code resourceSpans[0].scopeSpans[0].spans[2].traceId}, so that a
 * receiver can hand it to the client as the reason of a 400 answer.
 */
public final class OtlpJsonException extends IOException {

  public OtlpJsonException(String message) {
    super(message);
  }

  public OtlpJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
