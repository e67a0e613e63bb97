package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.Requests.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.consumer.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Items with impossible ids are dropped and reported; the rest goes on. */
class PartialSuccessTest {

  private RunningReceiver running;

  @BeforeEach
  void start() throws Exception {
    running = RunningReceiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  @Test
  void spansWithBadIdsAreRejectedAndTheRestGoesOn() {
    var request =
        Requests.traces(
            Requests.goodSpan("good"),
            Requests.span("short trace id", id(5, 1), id(8, 2)),
            Requests.span("long span id", id(16, 1), id(9, 2)),
            Requests.goodSpan("bad parent").toBuilder().setParentSpanId(id(3, 3)).build(),
            Requests.span("no ids", id(0, 0), id(0, 0)));

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(running.plaintextChannel()).export(request);

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(3);
    assertThat(response.getPartialSuccess().getErrorMessage()).isEqualTo(InvalidIds.SPANS_MESSAGE);
    Telemetry passedOn = running.traces.received().get(0);
    assertThat(passedOn.isUnparsed()).as("screening needs the parsed request").isFalse();
    assertThat(passedOn.itemCount()).isEqualTo(2);
    assertThat(passedOn.traces().getResourceSpans(0).getScopeSpans(0).getSpansList())
        .extracting(span -> span.getName())
        .containsExactly("good", "no ids");
    assertThat(running.count("otelcol_receiver_accepted_spans")).isEqualTo(2);
    assertThat(running.count("otelcol_receiver_refused_spans")).isEqualTo(3);
  }

  @Test
  void aRequestWithGoodIdsTravelsOnAsTheBytesThatCame() {
    var request = Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b"));

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(running.plaintextChannel()).export(request);

    assertThat(response.hasPartialSuccess()).isFalse();
    Telemetry passedOn = running.traces.received().get(0);
    assertThat(passedOn.isUnparsed()).as("the fast path parses nothing").isTrue();
    assertThat(passedOn.itemCount()).isEqualTo(2);
    assertThat(passedOn.toByteArray()).isEqualTo(request.toByteArray());
  }

  @Test
  void whenEverySpanIsRejectedTheAnswerIsStillAPartialSuccess() {
    var request = Requests.traces(Requests.span("bad", id(1, 1), id(8, 2)));

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(running.plaintextChannel()).export(request);

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(running.traces.received()).isEmpty();
    assertThat(running.count("otelcol_receiver_refused_spans")).isEqualTo(1);
  }

  @Test
  void logRecordsWithBadIdsAreRejectedAndTheRestGoesOn() {
    var request =
        Requests.logs(
            Requests.logRecord("good", id(16, 1), id(8, 2)),
            Requests.logRecord("no context", id(0, 0), id(0, 0)),
            Requests.logRecord("bad trace id", id(15, 1), id(8, 2)),
            Requests.logRecord("bad span id", id(16, 1), id(4, 2)));

    ExportLogsServiceResponse response =
        LogsServiceGrpc.newBlockingStub(running.plaintextChannel()).export(request);

    assertThat(response.getPartialSuccess().getRejectedLogRecords()).isEqualTo(2);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .isEqualTo(InvalidIds.LOG_RECORDS_MESSAGE);
    assertThat(running.logs.itemCount()).isEqualTo(2);
    assertThat(running.count("otelcol_receiver_accepted_log_records")).isEqualTo(2);
    assertThat(running.count("otelcol_receiver_refused_log_records")).isEqualTo(2);
  }

  @Test
  void aRequestWithGoodIdsPassesOnUnchanged() {
    var request = Requests.traces(Requests.goodSpan("a"), Requests.goodSpan("b"));

    TraceServiceGrpc.newBlockingStub(running.plaintextChannel()).export(request);

    assertThat(running.traces.received().get(0).traces()).isEqualTo(request);
  }
}
