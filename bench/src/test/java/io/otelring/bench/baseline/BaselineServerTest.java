package io.otelring.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.bench.loadgen.ByteArrayMarshaller;
import io.otelring.bench.shape.SpanShape;
import io.otelring.bench.wire.ProbeIds;
import io.otelring.core.component.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both baselines answer OTLP clients, count spans, and refuse what does not parse. */
class BaselineServerTest {

  private BaselineServer server;
  private ManagedChannel channel;

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(Baseline kind, List<Long> probes) throws Exception {
    server = BaselineServer.start(kind, "127.0.0.1", 0, probes == null ? null : probes::add);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @ParameterizedTest
  @EnumSource(Baseline.class)
  void countsTheSpansOfAGeneratedClientsRequests(Baseline kind) throws Exception {
    start(kind, null);
    var stub = TraceServiceGrpc.newBlockingStub(channel);

    ExportTraceServiceResponse response =
        stub.export(SpanShape.OTELSPEC.request(512, new Random(1)));
    stub.export(SpanShape.LARGE.request(100, new Random(2)));

    assertThat(response.hasPartialSuccess()).isFalse();
    assertThat(server.counts().items(Signal.TRACES)).isEqualTo(612);
    assertThat(server.counts().requests()).isEqualTo(2);
    assertThat(server.counts().text()).contains("traces 612\n").contains("requests 2\n");
  }

  /** B2's answer to bad bytes is grpc-java's own (UNKNOWN, logged), so only B0's is checked. */
  @Test
  void b0RefusesBytesThatAreNotARequest() throws Exception {
    start(Baseline.B0, null);

    assertThatThrownBy(
            () ->
                ClientCalls.blockingUnaryCall(
                    channel,
                    ByteArrayMarshaller.exportMethod(Signal.TRACES),
                    io.grpc.CallOptions.DEFAULT,
                    new byte[] {0x0A, 0x7F, 0x01}))
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e ->
                assertThat(((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThat(server.counts().requests()).isZero();
  }

  @Test
  void b0TellsItsProbeListenerOfProbeSpans() throws Exception {
    List<Long> probes = new ArrayList<>();
    start(Baseline.B0, probes);

    TraceServiceGrpc.newBlockingStub(channel).export(ProbeIds.request(7));

    assertThat(probes).containsExactly(7L);
  }
}
