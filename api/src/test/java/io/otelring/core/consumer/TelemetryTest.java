package io.otelring.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
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
  void theWrongSignalIsAnError() {
    Telemetry telemetry =
        Telemetry.fromWire(Signal.TRACES, REQUEST.toByteArray(), 2, ClientMetadata.EMPTY);

    assertThatThrownBy(telemetry::logs).hasMessage("this envelope holds TRACES, not LOGS");
  }
}
