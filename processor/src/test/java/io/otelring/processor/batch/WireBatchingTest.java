package io.otelring.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Received;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive as unparsed bytes (the receivers' fast path) are batched as bytes: a whole
 * batch is their concatenation, never parsed; a batch that must be cut is cut on the wire ({@link
 * WireCuttingTest}); one that mixes in parsed requests falls back to the parsed path — with every
 * span once, in order, either way.
 */
class WireBatchingTest {

  private final RecordingConsumer next = new RecordingConsumer();

  private BatchProcessor processor(int sendBatchMaxSize) {
    BatchProcessor processor =
        new BatchProcessor(
            ComponentSettings.of(
                ComponentId.parse("batch/wire"), Kind.PROCESSOR, new SimpleMeterRegistry()),
            new BatchProcessorConfig(
                Duration.ofHours(1), 100_000, sendBatchMaxSize, List.of(), 1000),
            Signal.TRACES,
            next,
            System::nanoTime);
    processor.start();
    return processor;
  }

  private static Telemetry wire(ExportTraceServiceRequest request) {
    return Telemetry.fromWire(
        Signal.TRACES,
        request.toByteArray(),
        request.getResourceSpans(0).getScopeSpans(0).getSpansCount(),
        ClientMetadata.EMPTY);
  }

  @Test
  void aWholeBatchOfUnparsedRequestsIsTheirConcatenationUnparsed() throws Exception {
    BatchProcessor processor = processor(0);
    List<ExportTraceServiceRequest> requests =
        List.of(Requests.spans("a", 3), Requests.spans("b", 2), Requests.spans("c", 4));
    requests.forEach(r -> processor.consume(wire(r)));

    processor.shutdown(Duration.ofSeconds(1));

    assertThat(next.received())
        .singleElement()
        .satisfies(
            batch -> {
              assertThat(batch.isUnparsed()).isTrue();
              assertThat(batch.itemCount()).isEqualTo(9);
              ExportTraceServiceRequest.Builder expected = ExportTraceServiceRequest.newBuilder();
              requests.forEach(r -> expected.addAllResourceSpans(r.getResourceSpansList()));
              assertThat(batch.traces()).isEqualTo(expected.build());
            });
  }

  @Test
  void aBatchThatMustBeCutKeepsEverySpanInOrder() throws Exception {
    BatchProcessor processor = processor(4);
    List<String> sent = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      ExportTraceServiceRequest request = Requests.spans(name, 3);
      sent.addAll(Received.spanIds(List.of(Telemetry.traces(request))));
      processor.consume(wire(request));
    }

    processor.shutdown(Duration.ofSeconds(1));

    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(4, 4, 1);
    assertThat(Received.spanIds(next.received())).isEqualTo(sent);
  }

  @Test
  void parsedAndUnparsedRequestsKeepTheirOrder() throws Exception {
    BatchProcessor processor = processor(0);
    List<ExportTraceServiceRequest> requests =
        List.of(Requests.spans("a", 1), Requests.spans("b", 2), Requests.spans("c", 3));
    processor.consume(wire(requests.get(0)));
    processor.consume(Telemetry.traces(requests.get(1)));
    processor.consume(wire(requests.get(2)));

    processor.shutdown(Duration.ofSeconds(1));

    List<String> expected = new ArrayList<>();
    requests.forEach(r -> expected.addAll(Received.spanIds(List.of(Telemetry.traces(r)))));
    assertThat(Received.spanIds(next.received())).isEqualTo(expected);
    assertThat(next.itemCount()).isEqualTo(6);
  }
}
