package io.otelring.core.consumer;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one place where a {@link Refusal} meets the wire, both ways: receivers turn a refusal into a
 * gRPC status (with {@code google.rpc.RetryInfo}) or an HTTP status (with {@code Retry-After});
 * exporters turn what a backend answered back into a refusal, using the OTLP specification's sets
 * of retryable gRPC codes and HTTP statuses.
 */
public final class WireStatus {

  /** The delay announced to a client when a retryable refusal carries none. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  /**
   * The gRPC code of a permanent refusal. The Go collector (v0.128, {@code
   * otlpreceiver/internal/errors}) answers INTERNAL for a permanent error that carries no status of
   * its own: the data was well-formed on the wire (a malformed body is answered INVALID_ARGUMENT by
   * the receiver before any consumer sees it), so the failure is the server's.
   */
  static final Status.Code PERMANENT_GRPC_CODE = Status.Code.INTERNAL;

  /** The HTTP status of a permanent refusal: what Go derives from {@link #PERMANENT_GRPC_CODE}. */
  static final int PERMANENT_HTTP_STATUS = 500;

  /** The HTTP status of a retryable refusal, as Go answers UNAVAILABLE. */
  static final int RETRYABLE_HTTP_STATUS = 503;

  private WireStatus() {}

  // ---- Refusal -> gRPC (receivers) ----

  /**
   * The rich status for a refusal: UNAVAILABLE with a {@code RetryInfo} detail carrying the delay
   * (or {@link #DEFAULT_RETRY_DELAY}) when it is retryable, INTERNAL when it is permanent.
   */
  public static com.google.rpc.Status toGrpcStatus(Refusal refusal) {
    var status =
        com.google.rpc.Status.newBuilder().setMessage(String.valueOf(refusal.getMessage()));
    if (!refusal.isRetryable()) {
      return status.setCode(PERMANENT_GRPC_CODE.value()).build();
    }
    Duration delay = refusal.retryDelay().orElse(DEFAULT_RETRY_DELAY);
    RetryInfo retryInfo =
        RetryInfo.newBuilder()
            .setRetryDelay(
                com.google.protobuf.Duration.newBuilder()
                    .setSeconds(delay.getSeconds())
                    .setNanos(delay.getNano()))
            .build();
    return status.setCode(Status.Code.UNAVAILABLE.value()).addDetails(Any.pack(retryInfo)).build();
  }

  /** The exception a gRPC service hands to {@code StreamObserver.onError} for a refusal. */
  public static StatusRuntimeException toGrpcException(Refusal refusal) {
    return StatusProto.toStatusRuntimeException(toGrpcStatus(refusal));
  }

  // ---- gRPC -> Refusal (exporters) ----

  /**
   * Whether an OTLP client may retry after this code: CANCELLED, DEADLINE_EXCEEDED, ABORTED,
   * OUT_OF_RANGE, UNAVAILABLE and DATA_LOSS always; RESOURCE_EXHAUSTED only when the server sent
   * {@code RetryInfo}, which says it can recover.
   */
  public static boolean isRetryable(Status.Code code, boolean hasRetryInfo) {
    return switch (code) {
      case CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS -> true;
      case RESOURCE_EXHAUSTED -> hasRetryInfo;
      default -> false;
    };
  }

  /** The refusal for a failed gRPC call, as thrown by a stub or passed to a call's listener. */
  public static Refusal fromGrpc(Throwable failure) {
    return fromGrpc(Status.fromThrowable(failure), Status.trailersFromThrowable(failure));
  }

  /**
   * The refusal for a call that closed with a status other than OK; the delay comes from a {@code
   * RetryInfo} detail in the trailers when there is one.
   *
   * @throws IllegalArgumentException when the status is OK, which is no refusal
   */
  public static Refusal fromGrpc(Status status, Metadata trailers) {
    if (status.isOk()) {
      throw new IllegalArgumentException("an OK status is not a refusal");
    }
    Optional<Duration> delay = retryDelay(status, trailers);
    String message =
        status.getDescription() == null
            ? status.getCode().name()
            : status.getCode() + ": " + status.getDescription();
    if (isRetryable(status.getCode(), delay.isPresent())) {
      return Refusal.retryable(message, delay.orElse(null));
    }
    return Refusal.permanent(message, status.getCause());
  }

  private static Optional<Duration> retryDelay(Status status, Metadata trailers) {
    com.google.rpc.Status rich =
        trailers == null ? null : StatusProto.fromStatusAndTrailers(status, trailers);
    if (rich == null) {
      return Optional.empty();
    }
    for (Any detail : rich.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          var delay = detail.unpack(RetryInfo.class).getRetryDelay();
          return Optional.of(Duration.ofSeconds(delay.getSeconds(), delay.getNanos()));
        } catch (InvalidProtocolBufferException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  // ---- Refusal -> HTTP (receivers) ----

  /** 503 for a retryable refusal, 500 for a permanent one (Go's mapping of its gRPC codes). */
  public static int toHttpStatus(Refusal refusal) {
    return refusal.isRetryable() ? RETRYABLE_HTTP_STATUS : PERMANENT_HTTP_STATUS;
  }

  /**
   * The {@code Retry-After} header value for a refusal, in whole seconds rounded up (so that a
   * sub-second delay never reads as "now"), or empty for a permanent refusal.
   */
  public static Optional<String> retryAfter(Refusal refusal) {
    if (!refusal.isRetryable()) {
      return Optional.empty();
    }
    Duration delay = refusal.retryDelay().orElse(DEFAULT_RETRY_DELAY);
    long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
    return Optional.of(Long.toString(Math.max(0, seconds)));
  }

  // ---- HTTP -> Refusal (exporters) ----

  /** Whether an OTLP/HTTP client may retry after this status: 429, 502, 503 and 504. */
  public static boolean isRetryableHttp(int statusCode) {
    return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
  }

  /**
   * The refusal for an HTTP answer that is not a success.
   *
   * @param retryAfter the {@code Retry-After} header, or null; delay-seconds or an HTTP-date
   * @param message what the backend said, e.g. the message of the {@code google.rpc.Status} body
   * @param now the time the answer arrived, to turn an HTTP-date into a delay
   * @throws IllegalArgumentException for a 2xx status, which is no refusal
   */
  public static Refusal fromHttp(int statusCode, String retryAfter, String message, Instant now) {
    if (statusCode >= 200 && statusCode < 300) {
      throw new IllegalArgumentException("HTTP " + statusCode + " is not a refusal");
    }
    String text =
        message == null || message.isEmpty()
            ? "HTTP " + statusCode
            : "HTTP " + statusCode + ": " + message;
    if (isRetryableHttp(statusCode)) {
      return Refusal.retryable(text, parseRetryAfter(retryAfter, now).orElse(null));
    }
    return Refusal.permanent(text);
  }

  /**
   * Parses a {@code Retry-After} value (RFC 9110): delay-seconds, or an HTTP-date turned into the
   * delay from {@code now} (never negative). Empty when absent or unreadable.
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration delay = Duration.between(now, at);
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
