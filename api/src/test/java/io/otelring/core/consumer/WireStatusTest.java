package io.otelring.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireStatusTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void retryableRefusalIsUnavailableWithRetryInfo() throws Exception {
    var status = WireStatus.toGrpcStatus(Refusal.retryable("ring full", Duration.ofMillis(1500)));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE.value());
    assertThat(status.getMessage()).isEqualTo("ring full");
    RetryInfo info = status.getDetails(0).unpack(RetryInfo.class);
    assertThat(info.getRetryDelay().getSeconds()).isEqualTo(1);
    assertThat(info.getRetryDelay().getNanos()).isEqualTo(500_000_000);
  }

  @Test
  void retryableRefusalWithoutDelayAnnouncesTheDefault() throws Exception {
    var status = WireStatus.toGrpcStatus(Refusal.retryable("busy", null));

    RetryInfo info = status.getDetails(0).unpack(RetryInfo.class);
    assertThat(info.getRetryDelay().getSeconds()).isEqualTo(1);
  }

  @Test
  void permanentRefusalIsInternalWithoutDetails() {
    var status = WireStatus.toGrpcStatus(Refusal.permanent("cannot be taken"));

    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL.value());
    assertThat(status.getDetailsList()).isEmpty();
  }

  @Test
  void exceptionCarriesTheRichStatusInItsTrailers() {
    StatusRuntimeException exception =
        WireStatus.toGrpcException(Refusal.retryable("ring full", Duration.ofSeconds(3)));

    assertThat(exception.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(StatusProto.fromThrowable(exception).getDetailsList()).hasSize(1);
  }

  @Test
  void refusalSurvivesTheRoundTripThroughGrpc() {
    Refusal sent = Refusal.retryable("ring full", Duration.ofSeconds(3));

    Refusal back = WireStatus.fromGrpc(WireStatus.toGrpcException(sent));

    assertThat(back.isRetryable()).isTrue();
    assertThat(back.retryDelay()).contains(Duration.ofSeconds(3));
    assertThat(back.getMessage()).isEqualTo("UNAVAILABLE: ring full");
    assertThat(
            WireStatus.fromGrpc(WireStatus.toGrpcException(Refusal.permanent("x"))).isRetryable())
        .isFalse();
  }

  @ParameterizedTest(name = "{0} with RetryInfo={1} -> retryable={2}")
  @CsvSource({
    "CANCELLED, false, true",
    "DEADLINE_EXCEEDED, false, true",
    "ABORTED, false, true",
    "OUT_OF_RANGE, false, true",
    "UNAVAILABLE, false, true",
    "DATA_LOSS, false, true",
    "RESOURCE_EXHAUSTED, false, false",
    "RESOURCE_EXHAUSTED, true, true",
    "UNKNOWN, false, false",
    "INVALID_ARGUMENT, false, false",
    "INVALID_ARGUMENT, true, false",
    "NOT_FOUND, false, false",
    "ALREADY_EXISTS, false, false",
    "PERMISSION_DENIED, false, false",
    "FAILED_PRECONDITION, false, false",
    "UNIMPLEMENTED, false, false",
    "INTERNAL, false, false",
    "UNAUTHENTICATED, false, false",
  })
  void grpcCodeToRefusal(Status.Code code, boolean withRetryInfo, boolean retryable) {
    Metadata trailers = new Metadata();
    Status status = Status.fromCode(code).withDescription("backend says no");
    if (withRetryInfo) {
      trailers =
          Status.trailersFromThrowable(
              StatusProto.toStatusRuntimeException(
                  com.google.rpc.Status.newBuilder()
                      .setCode(code.value())
                      .setMessage("backend says no")
                      .addDetails(
                          Any.pack(
                              RetryInfo.newBuilder()
                                  .setRetryDelay(
                                      com.google.protobuf.Duration.newBuilder().setSeconds(7))
                                  .build()))
                      .build()));
    }

    Refusal refusal = WireStatus.fromGrpc(status, trailers);

    assertThat(WireStatus.isRetryable(code, withRetryInfo)).isEqualTo(retryable);
    assertThat(refusal.isRetryable()).isEqualTo(retryable);
    assertThat(refusal.getMessage()).isEqualTo(code + ": backend says no");
    if (retryable) {
      assertThat(refusal.retryDelay())
          .isEqualTo(withRetryInfo ? Optional.of(Duration.ofSeconds(7)) : Optional.empty());
    }
  }

  @Test
  void okIsNoRefusal() {
    assertThatThrownBy(() -> WireStatus.fromGrpc(Status.OK, new Metadata()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromGrpcUnwrapsAStubFailure() {
    var failure = new CompletionException(Status.DEADLINE_EXCEEDED.asRuntimeException());

    assertThat(WireStatus.fromGrpc(failure.getCause()).isRetryable()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "retryable 1.5s, true, 1500, 503, 2",
    "retryable 2s, true, 2000, 503, 2",
    "retryable no delay, true, -1, 503, 1",
    "permanent, false, -1, 500, ''",
  })
  void refusalToHttp(
      String name, boolean retryable, long delayMillis, int code, String retryAfter) {
    Duration delay = delayMillis < 0 ? null : Duration.ofMillis(delayMillis);
    Refusal refusal = retryable ? Refusal.retryable(name, delay) : Refusal.permanent(name);

    assertThat(WireStatus.toHttpStatus(refusal)).isEqualTo(code);
    assertThat(WireStatus.retryAfter(refusal))
        .isEqualTo(retryAfter.isEmpty() ? Optional.empty() : Optional.of(retryAfter));
  }

  @ParameterizedTest(name = "HTTP {0}, Retry-After {1}")
  @CsvSource({
    "429, '', true, -1",
    "429, 5, true, 5",
    "502, , true, -1",
    "503, 120, true, 120",
    "503, 'Sun, 01 Jun 2025 12:00:30 GMT', true, 30",
    "503, 'Sun, 01 Jun 2025 11:00:00 GMT', true, 0",
    "503, soon, true, -1",
    "504, 1, true, 1",
    "400, 5, false, -1",
    "401, , false, -1",
    "403, , false, -1",
    "404, , false, -1",
    "413, , false, -1",
    "500, 5, false, -1",
    "501, , false, -1",
  })
  void httpToRefusal(int code, String retryAfter, boolean retryable, long delaySeconds) {
    Refusal refusal = WireStatus.fromHttp(code, retryAfter, "why", NOW);

    assertThat(WireStatus.isRetryableHttp(code)).isEqualTo(retryable);
    assertThat(refusal.isRetryable()).isEqualTo(retryable);
    assertThat(refusal.getMessage()).isEqualTo("HTTP " + code + ": why");
    assertThat(refusal.retryDelay())
        .isEqualTo(
            delaySeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(delaySeconds)));
  }

  @Test
  void successIsNoRefusal() {
    assertThatThrownBy(() -> WireStatus.fromHttp(200, null, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
