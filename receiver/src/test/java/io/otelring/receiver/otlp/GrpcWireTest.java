package io.otelring.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc.TraceServiceBlockingStub;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's gRPC answers, seen by a raw grpc-java client. */
class GrpcWireTest {

  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  private TraceServiceBlockingStub traceStub() {
    return TraceServiceGrpc.newBlockingStub(running.plaintextChannel());
  }

  @Test
  void aValidExportIsAnsweredWithAnEmptyResponse() throws Exception {
    running = RunningReceiver.start();

    ExportTraceServiceResponse response =
        traceStub().export(Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b")));

    assertThat(response).isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(running.traces.itemCount()).isEqualTo(2);
    assertThat(running.count("otelcol_receiver_accepted_spans")).isEqualTo(2);
  }

  @Test
  void retryableRefusalIsUnavailableWithRetryInfo() throws Exception {
    running = RunningReceiver.start();
    running.traces.refuseWith(Refusal.retryable("the ring is full", Duration.ofMillis(2500)));

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> traceStub().export(Requests.traces(Requests.goodSpan("a"))));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(failure.getStatus().getDescription()).isEqualTo("the ring is full");
    com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
    assertThat(rich.getDetailsCount()).isEqualTo(1);
    RetryInfo retryInfo = rich.getDetails(0).unpack(RetryInfo.class);
    assertThat(retryInfo.getRetryDelay().getSeconds()).isEqualTo(2);
    assertThat(retryInfo.getRetryDelay().getNanos()).isEqualTo(500_000_000);
    assertThat(running.count("otelcol_receiver_refused_spans")).isEqualTo(1);
    assertThat(running.count("otelcol_receiver_accepted_spans")).isZero();
  }

  @Test
  void retryableRefusalWithoutDelayAnnouncesOneSecond() throws Exception {
    running = RunningReceiver.start();
    running.logs.refuseWith(Refusal.retryable("memory pressure", null));

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                LogsServiceGrpc.newBlockingStub(running.plaintextChannel())
                    .export(
                        Requests.logs(
                            Requests.logRecord("a", Requests.id(0, 0), Requests.id(0, 0)))));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    RetryInfo retryInfo = StatusProto.fromThrowable(failure).getDetails(0).unpack(RetryInfo.class);
    assertThat(retryInfo.getRetryDelay().getSeconds()).isEqualTo(1);
    assertThat(running.count("otelcol_receiver_refused_log_records")).isEqualTo(1);
  }

  @Test
  void permanentRefusalIsNotRetryable() throws Exception {
    running = RunningReceiver.start();
    running.metrics.refuseWith(Refusal.permanent("rejected for good"));

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                MetricsServiceGrpc.newBlockingStub(running.plaintextChannel())
                    .export(Requests.gauge(1, 2, 3)));

    // Go v0.128 answers INTERNAL for a permanent error (otlpreceiver/internal/errors).
    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(failure.getStatus().getDescription()).isEqualTo("rejected for good");
    assertThat(StatusProto.fromThrowable(failure).getDetailsList()).isEmpty();
    assertThat(running.count("otelcol_receiver_refused_metric_points")).isEqualTo(3);
  }

  @Test
  void aConsumerThatThrowsIsAnsweredAsARetryableFailure() throws Exception {
    Consumer throwing =
        telemetry -> {
          throw new IllegalStateException("bug");
        };
    running = RunningReceiver.start(RunningReceiver.localConfig(), Map.of(Signal.TRACES, throwing));

    assertThatThrownBy(() -> traceStub().export(Requests.traces(Requests.goodSpan("a"))))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(traceStub().export(ExportTraceServiceRequest.getDefaultInstance())).isNotNull();
  }

  @Test
  void garbageBodyIsInvalidArgumentAndTheServerKeepsServing() throws Exception {
    running = RunningReceiver.start();
    ManagedChannel channel = running.plaintextChannel();
    // Field 1 (resource_spans), length-delimited, claiming 127 bytes that never come.
    byte[] garbage = {0x0a, 0x7f, 0x01, 0x02, 0x03};

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                ClientCalls.blockingUnaryCall(channel, rawExport(), CallOptions.DEFAULT, garbage));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(failure.getStatus().getDescription())
        .startsWith("the body is not a valid ExportTraceServiceRequest: ");
    assertThat(
            TraceServiceGrpc.newBlockingStub(channel)
                .export(Requests.traces(Requests.goodSpan("a"))))
        .isNotNull();
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void oversizeMessageIsResourceExhaustedAndTheServerKeepsServing() throws Exception {
    running = RunningReceiver.start(withMaxRecvMsgSizeMib(1));

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> traceStub().export(Requests.tracesOfSize(2 * 1024 * 1024)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(traceStub().export(Requests.tracesOfSize(512 * 1024))).isNotNull();
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void gzipBodyThatInflatesPastTheLimitIsResourceExhausted() throws Exception {
    running = RunningReceiver.start(withMaxRecvMsgSizeMib(1));

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                traceStub().withCompression("gzip").export(Requests.tracesOfSize(4 * 1024 * 1024)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(traceStub().withCompression("gzip").export(Requests.traces(Requests.goodSpan("a"))))
        .isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zstd", "snappy"})
  void aRequestInAGoCompressionIsDecodedAndPassedOnIntact(String compression) throws Exception {
    running = RunningReceiver.start();
    ExportTraceServiceRequest request =
        Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b"));

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(running.goCodecsChannel())
            .withCompression(compression)
            .export(request);

    assertThat(response).isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(running.traces.received()).hasSize(1);
    assertThat(running.traces.received().get(0).traces()).isEqualTo(request);
    assertThat(running.count("otelcol_receiver_accepted_spans")).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zstd", "snappy"})
  void aBodyThatInflatesPastTheLimitIsResourceExhausted(String compression) throws Exception {
    running = RunningReceiver.start(withMaxRecvMsgSizeMib(1));
    TraceServiceBlockingStub stub =
        TraceServiceGrpc.newBlockingStub(running.goCodecsChannel()).withCompression(compression);

    StatusRuntimeException failure =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.export(Requests.tracesOfSize(4 * 1024 * 1024)));

    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(stub.export(Requests.traces(Requests.goodSpan("a")))).isNotNull();
    assertThat(running.traces.itemCount()).isEqualTo(1);
  }

  @Test
  void aSignalWithoutPipelineIsUnimplemented() throws Exception {
    running =
        RunningReceiver.start(
            RunningReceiver.localConfig(), Map.of(Signal.TRACES, telemetry -> Consumer.ACCEPTED));

    assertThatThrownBy(
            () ->
                MetricsServiceGrpc.newBlockingStub(running.plaintextChannel())
                    .export(Requests.gauge(1)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
    assertThat(traceStub().export(Requests.traces(Requests.goodSpan("a")))).isNotNull();
  }

  @Test
  void anEmptyRequestIsAnsweredWithoutReachingTheConsumer() throws Exception {
    running = RunningReceiver.start();

    traceStub().export(ExportTraceServiceRequest.getDefaultInstance());

    assertThat(running.traces.received()).isEmpty();
    assertThat(running.count("otelcol_receiver_accepted_spans")).isZero();
  }

  @Test
  void includeMetadataPassesTheRequestHeadersOn() throws Exception {
    running = RunningReceiver.start(withIncludeMetadata(true));
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER), "acme");
    headers.put(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER), "beta");

    traceStub()
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .export(Requests.traces(Requests.goodSpan("a")));

    Telemetry telemetry = running.traces.received().get(0);
    assertThat(telemetry.metadata().get("x-tenant")).containsExactly("acme", "beta");
    assertThat(telemetry.metadata().get("X-Tenant")).containsExactly("acme", "beta");
  }

  @Test
  void withoutIncludeMetadataNoHeadersArePassedOn() throws Exception {
    running = RunningReceiver.start();
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER), "acme");

    traceStub()
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .export(Requests.traces(Requests.goodSpan("a")));

    assertThat(running.traces.received().get(0).metadata().isEmpty()).isTrue();
  }

  static GrpcServerConfig withMaxRecvMsgSizeMib(int mib) {
    var c = RunningReceiver.localConfig();
    return new GrpcServerConfig(
        c.endpoint(),
        c.transport(),
        c.tls(),
        mib,
        c.maxConcurrentStreams(),
        c.readBufferSize(),
        c.writeBufferSize(),
        c.keepalive(),
        c.includeMetadata(),
        null);
  }

  static GrpcServerConfig withIncludeMetadata(boolean include) {
    var c = RunningReceiver.localConfig();
    return new GrpcServerConfig(
        c.endpoint(),
        c.transport(),
        c.tls(),
        c.maxRecvMsgSizeMib(),
        c.maxConcurrentStreams(),
        c.readBufferSize(),
        c.writeBufferSize(),
        c.keepalive(),
        include,
        null);
  }

  /** The trace service's Export with raw bytes as the request, to send what no stub would. */
  static MethodDescriptor<byte[], ExportTraceServiceResponse> rawExport() {
    return TraceServiceGrpc.getExportMethod().toBuilder(
            new BytesMarshaller(),
            io.grpc.protobuf.ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
        .build();
  }

  private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
