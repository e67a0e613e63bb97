package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.grpc.Status.Code;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.WireStatus;
import java.nio.charset.StandardCharsets;

/**
 * One answer of the OTLP/HTTP server, before it meets Netty: the status, the body with its content
 * type, and extra headers. Errors about the export itself carry a {@code google.rpc.Status} in the
 * request's encoding, as the OTLP specification asks; errors about the HTTP request (unknown path,
 * wrong method or content type) are plain text, as Go writes them.
 */
record HttpAnswer(HttpResponseStatus status, String contentType, byte[] body, HttpHeaders headers) {

  static HttpAnswer of(HttpResponseStatus status, String contentType, byte[] body) {
    return new HttpAnswer(status, contentType, body, new DefaultHttpHeaders());
  }

  static HttpAnswer text(HttpResponseStatus status, String text) {
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static HttpAnswer message(HttpEncoding encoding, Message message) {
    return of(HttpResponseStatus.OK, encoding.contentType(), encoding.encode(message));
  }

  /** An error with a {@code google.rpc.Status} body whose code Go derives from the HTTP status. */
  static HttpAnswer status(HttpResponseStatus status, HttpEncoding encoding, String message) {
    return of(
        status, encoding.contentType(), statusBody(encoding, grpcCode(status.code()), message));
  }

  /** A refusal of the pipeline: 503 with {@code Retry-After} when retryable, else 500. */
  static HttpAnswer refusal(HttpEncoding encoding, Refusal refusal) {
    Code code = refusal.isRetryable() ? Code.UNAVAILABLE : Code.INTERNAL;
    HttpAnswer answer =
        of(
            HttpResponseStatus.valueOf(WireStatus.toHttpStatus(refusal)),
            encoding.contentType(),
            statusBody(encoding, code, String.valueOf(refusal.getMessage())));
    WireStatus.retryAfter(refusal)
        .ifPresent(seconds -> answer.headers().set("Retry-After", seconds));
    return answer;
  }

  HttpAnswer withHeader(CharSequence name, Object value) {
    headers.set(name, value);
    return this;
  }

  private static byte[] statusBody(HttpEncoding encoding, Code code, String message) {
    return encoding.encode(
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message).build());
  }

  /** Go's {@code statusutil.NewStatusFromMsgAndHTTPCode}. */
  private static Code grpcCode(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> Code.INVALID_ARGUMENT;
      case 401 -> Code.UNAUTHENTICATED;
      case 403 -> Code.PERMISSION_DENIED;
      case 404 -> Code.UNIMPLEMENTED;
      case 429 -> Code.RESOURCE_EXHAUSTED;
      case 502, 503, 504 -> Code.UNAVAILABLE;
      default -> Code.UNKNOWN;
    };
  }
}
