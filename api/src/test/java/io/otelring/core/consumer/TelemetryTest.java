package io.otelring.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  private static final ExportTraceServiceRequest REQUEST =
      ExportTraceServiceRequest.newBuilder()
          .addResourceSpans(
              ResourceSpans.newBuilder()
                  .addScopeSpans(
                      ScopeSpans.newBuilder()
                          .addSpans(Span.newBuilder().setName("a"))
                          .addSpans(Span.newBuilder().setName("b"))))
          .build();

  private static final ExportTraceServiceRequest ONE_SPAN =
      ExportTraceServiceRequest.newBuilder()
          .addResourceSpans(
              ResourceSpans.newBuilder()
                  .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder().setName("c"))))
          .build();

  @Test
  void wireBytesAreParsedOnlyWhenAskedAndSentAsTheyCame() {
    byte[] bytes = REQUEST.toByteArray();
    Telemetry telemetry = Telemetry.fromWire(Signal.TRACES, bytes, 2, ClientMetadata.EMPTY);

    assertThat(telemetry.isUnparsed()).isTrue();
    assertThat(telemetry.serializedSize()).isEqualTo(bytes.length);
    assertThat(telemetry.toByteArray()).isSameAs(bytes);
    assertThat(telemetry.isUnparsed()).as("sending the bytes does not parse them").isTrue();

    assertThat(telemetry.traces()).isEqualTo(REQUEST);
    assertThat(telemetry.isUnparsed()).isFalse();
    assertThat(telemetry.traces()).as("parsed once").isSameAs(telemetry.traces());
    assertThat(telemetry.toByteArray()).isSameAs(bytes);
  }

  @Test
  void aParsedPayloadIsEncodedWhenBytesAreAskedFor() {
    Telemetry telemetry = Telemetry.traces(REQUEST);

    assertThat(telemetry.isUnparsed()).isFalse();
    assertThat(telemetry.itemCount()).isEqualTo(2);
    assertThat(telemetry.toByteArray()).isEqualTo(REQUEST.toByteArray());
    assertThat(telemetry.serializedSize()).isEqualTo(REQUEST.getSerializedSize());
  }

  @Test
  void joinedEnvelopesAreOneRequestWhoseBytesAreNotCopiedUntilAskedFor() throws Exception {
    byte[] first = REQUEST.toByteArray();
    ClientMetadata metadata = ClientMetadata.of(Map.of("tenant", List.of("t1")));

    Telemetry joined =
        Telemetry.join(
            Signal.TRACES,
            List.of(
                Telemetry.fromWire(Signal.TRACES, first, 2, ClientMetadata.EMPTY),
                Telemetry.traces(ONE_SPAN),
                Telemetry.fromWire(Signal.TRACES, first, 2, ClientMetadata.EMPTY)),
            metadata);

    ExportTraceServiceRequest expected =
        REQUEST.toBuilder()
            .addAllResourceSpans(ONE_SPAN.getResourceSpansList())
            .addAllResourceSpans(REQUEST.getResourceSpansList())
            .build();
    assertThat(joined.isUnparsed()).isTrue();
    assertThat(joined.itemCount()).isEqualTo(5);
    assertThat(joined.metadata()).isSameAs(metadata);
    assertThat(joined.serializedSize()).isEqualTo(expected.getSerializedSize());
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    joined.writeTo(written);
    assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(joined.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(joined.traces()).isEqualTo(expected);
  }

  @Test
  void theWirePiecesOfAJoinKeepTheirOwnArraysAndItemCounts() {
    byte[] two = REQUEST.toByteArray();
    ClientMetadata metadata = ClientMetadata.of(Map.of("tenant", List.of("t1")));
    Telemetry inner =
        Telemetry.join(
            Signal.TRACES,
            List.of(
                Telemetry.fromWire(Signal.TRACES, two, 2, ClientMetadata.EMPTY),
                Telemetry.traces(ONE_SPAN)),
            ClientMetadata.EMPTY);

    Telemetry joined =
        Telemetry.join(
            Signal.TRACES,
            List.of(inner, Telemetry.fromWire(Signal.TRACES, two, 2, ClientMetadata.EMPTY)),
            metadata);

    List<Telemetry> pieces = joined.wirePieces();
    assertThat(pieces).extracting(Telemetry::itemCount).containsExactly(2, 1, 2);
    assertThat(pieces).allSatisfy(piece -> assertThat(piece.metadata()).isSameAs(metadata));
    assertThat(pieces.get(0).toByteArray()).isSameAs(two);
    assertThat(pieces.get(1).traces()).isEqualTo(ONE_SPAN);
    assertThat(pieces.get(2).toByteArray()).isSameAs(two);
    Telemetry single = Telemetry.fromWire(Signal.TRACES, two, 2, ClientMetadata.EMPTY);
    assertThat(single.wirePieces()).containsExactly(single);
    assertThat(Telemetry.traces(ONE_SPAN).wirePieces()).isEmpty();
  }

  @Test
  void onlyOneSignalJoins() {
    Telemetry traces =
        Telemetry.fromWire(Signal.TRACES, REQUEST.toByteArray(), 2, ClientMetadata.EMPTY);

    assertThatThrownBy(() -> Telemetry.join(Signal.LOGS, List.of(traces), ClientMetadata.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot join TRACES to LOGS");
  }

  @Test
  void theWrongSignalIsAnError() {
    Telemetry telemetry =
        Telemetry.fromWire(Signal.TRACES, REQUEST.toByteArray(), 2, ClientMetadata.EMPTY);

    assertThatThrownBy(telemetry::logs).hasMessage("this envelope holds TRACES, not LOGS");
  }
}
