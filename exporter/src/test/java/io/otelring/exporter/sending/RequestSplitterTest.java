package io.otelring.exporter.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Received;
import io.otelring.core.testing.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSplitterTest {

  @Test
  void aRequestUnderTheLimitIsSentAsItIs() {
    Telemetry small = Telemetry.traces(Requests.spans("s", 3));
    assertThat(RequestSplitter.split(small, 1 << 20)).containsExactly(small);
    assertThat(RequestSplitter.split(small, 0)).containsExactly(small);
  }

  @Test
  void unparsedBytesAreCutBetweenResourcesWithoutParsing() throws Exception {
    // A batch of ten requests as the batch processor makes it: their bytes, concatenated.
    java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ExportTraceServiceRequest request = Requests.spans("r" + i, 20);
      request.writeTo(batch);
      sent.addAll(io.otelring.core.testing.Received.spanIds(List.of(Telemetry.traces(request))));
    }
    byte[] bytes = batch.toByteArray();
    ClientMetadata metadata = ClientMetadata.of(Map.of("tenant", List.of("a")));
    Telemetry whole =
        Telemetry.fromWire(io.otelring.core.component.Signal.TRACES, bytes, 200, metadata);
    long limit = bytes.length / 3;

    List<Telemetry> parts = RequestSplitter.split(whole, limit);

    assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
    assertThat(parts).allMatch(Telemetry::isUnparsed);
    assertThat(whole.isUnparsed()).isTrue();
    assertThat(parts).allMatch(p -> p.serializedSize() <= limit);
    assertThat(parts).allMatch(p -> p.metadata().equals(metadata));
    assertThat(parts.stream().mapToInt(Telemetry::itemCount).sum()).isEqualTo(200);
    assertThat(io.otelring.core.testing.Received.spanIds(parts)).isEqualTo(sent);
  }

  @Test
  void aJoinedBatchIsCutBetweenItsRequestsWithoutCopyingThem() {
    List<Telemetry> requests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ExportTraceServiceRequest request = Requests.spans("j" + i, 20);
      requests.add(
          Telemetry.fromWire(
              io.otelring.core.component.Signal.TRACES,
              request.toByteArray(),
              20,
              ClientMetadata.EMPTY));
    }
    Telemetry batch =
        Telemetry.join(io.otelring.core.component.Signal.TRACES, requests, ClientMetadata.EMPTY);
    long limit = 2L * requests.get(0).serializedSize() + 10;

    List<Telemetry> parts = RequestSplitter.split(batch, limit);

    assertThat(parts).hasSize(3).allMatch(p -> p.serializedSize() <= limit);
    assertThat(parts).extracting(Telemetry::itemCount).containsExactly(40, 40, 40);
    List<byte[]> pieces =
        parts.stream().flatMap(p -> p.wirePieces().stream()).map(Telemetry::toByteArray).toList();
    assertThat(pieces).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(pieces.get(i))
          .as("request %d, not copied", i)
          .isSameAs(requests.get(i).toByteArray());
    }
    assertThat(io.otelring.core.testing.Received.spanIds(parts))
        .isEqualTo(io.otelring.core.testing.Received.spanIds(List.of(batch)));
  }

  @Test
  void partsStayUnderTheLimitAndKeepEverySpanWithItsResourceAndScope() {
    ExportTraceServiceRequest request = request(3, 2, 100);
    ClientMetadata metadata = ClientMetadata.of(Map.of("tenant", List.of("a")));
    long limit = request.getSerializedSize() / 7;

    List<Telemetry> parts = RequestSplitter.split(Telemetry.traces(request, metadata), limit);

    assertThat(parts).hasSizeGreaterThanOrEqualTo(7);
    assertThat(parts).allMatch(p -> p.serializedSize() <= limit);
    assertThat(parts).allMatch(p -> p.metadata().equals(metadata));
    assertEverySpanOnceUnderItsResourceAndScope(parts, request);
  }

  /** A single resource group over the limit (an upstream collector's batch) is cut on the wire. */
  @Test
  void anUnparsedResourceGroupOverTheLimitIsCutWithoutParsing() {
    ExportTraceServiceRequest request = request(1, 3, 200);
    ClientMetadata metadata = ClientMetadata.of(Map.of("tenant", List.of("a")));
    Telemetry unparsed = Telemetry.fromWire(Signal.TRACES, request.toByteArray(), 600, metadata);
    long limit = request.getSerializedSize() / 7;

    List<Telemetry> parts = RequestSplitter.split(unparsed, limit);

    assertThat(parts).hasSizeBetween(7, 9);
    assertThat(parts).allMatch(Telemetry::isUnparsed);
    assertThat(unparsed.isUnparsed()).isTrue();
    assertThat(parts).allMatch(p -> p.serializedSize() <= limit);
    assertThat(parts).allMatch(p -> p.metadata().equals(metadata));
    assertThat(parts)
        .allMatch(p -> p.itemCount() == Received.spans(List.of(p)).size(), "counts match");
    assertEverySpanOnceUnderItsResourceAndScope(parts, request);
  }

  @Test
  void aSpanLargerThanTheLimitIsSentAlone() {
    ExportTraceServiceRequest request = request(1, 1, 3);
    List<Telemetry> parts = RequestSplitter.split(Telemetry.traces(request), 10);
    assertThat(parts).hasSize(3).allMatch(p -> p.itemCount() == 1);

    Telemetry unparsed =
        Telemetry.fromWire(Signal.TRACES, request.toByteArray(), 3, ClientMetadata.EMPTY);
    List<Telemetry> wireParts = RequestSplitter.split(unparsed, 10);
    assertThat(wireParts).hasSize(3).allMatch(p -> p.itemCount() == 1 && p.isUnparsed());
    assertThat(Received.spans(wireParts)).isEqualTo(Received.spans(parts));
  }

  private static void assertEverySpanOnceUnderItsResourceAndScope(
      List<Telemetry> parts, ExportTraceServiceRequest request) {
    List<String> spans = new ArrayList<>();
    for (Telemetry part : parts) {
      for (ResourceSpans resource : part.traces().getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            // Each span travels with its own resource and scope.
            assertThat(span.getName())
                .startsWith(
                    resource.getResource().getAttributes(0).getValue().getStringValue()
                        + "/"
                        + scope.getScope().getName()
                        + "/");
            spans.add(span.getName());
          }
        }
      }
    }
    assertThat(spans).containsExactlyElementsOf(names(request));
    assertThat(parts.stream().mapToInt(Telemetry::itemCount).sum()).isEqualTo(spans.size());
  }

  private static ExportTraceServiceRequest request(int resources, int scopes, int spans) {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (int r = 0; r < resources; r++) {
      ResourceSpans.Builder resource =
          ResourceSpans.newBuilder()
              .setResource(
                  Resource.newBuilder()
                      .addAttributes(
                          KeyValue.newBuilder()
                              .setKey("service.name")
                              .setValue(AnyValue.newBuilder().setStringValue("svc" + r))));
      for (int s = 0; s < scopes; s++) {
        ScopeSpans.Builder scope =
            ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("lib" + s));
        for (int i = 0; i < spans; i++) {
          scope.addSpans(Span.newBuilder().setName("svc" + r + "/lib" + s + "/" + i));
        }
        resource.addScopeSpans(scope);
      }
      request.addResourceSpans(resource);
    }
    return request.build();
  }

  private static List<String> names(ExportTraceServiceRequest request) {
    List<String> names = new ArrayList<>();
    request.getResourceSpansList().stream()
        .flatMap(r -> r.getScopeSpansList().stream())
        .flatMap(s -> s.getSpansList().stream())
        .forEach(span -> names.add(span.getName()));
    return names;
  }
}
