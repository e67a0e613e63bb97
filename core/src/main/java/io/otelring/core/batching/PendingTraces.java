package io.otelring.core.batching;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import java.util.List;

/** Buffered spans, cut by span count. */
final class PendingTraces extends PendingBatch<ResourceSpans> {

  PendingTraces() {
    super(Signal.TRACES);
  }

  @Override
  List<ResourceSpans> groupsOf(Telemetry telemetry) {
    return telemetry.traces().getResourceSpansList();
  }

  @Override
  int itemsOf(ResourceSpans group) {
    int spans = 0;
    for (ScopeSpans scope : group.getScopeSpansList()) {
      spans += scope.getSpansCount();
    }
    return spans;
  }

  @Override
  Split<ResourceSpans> split(ResourceSpans group, int room) {
    Split<List<ScopeSpans>> scopes =
        splitChildren(
            group.getScopeSpansList(), room, ScopeSpans::getSpansCount, PendingTraces::cutScope);
    return new Split<>(
        group.toBuilder().clearScopeSpans().addAllScopeSpans(scopes.head()).build(),
        group.toBuilder().clearScopeSpans().addAllScopeSpans(scopes.tail()).build());
  }

  private static Split<ScopeSpans> cutScope(ScopeSpans scope, int room) {
    Split<List<Span>> spans = splitLeaves(scope.getSpansList(), room);
    return new Split<>(
        scope.toBuilder().clearSpans().addAllSpans(spans.head()).build(),
        scope.toBuilder().clearSpans().addAllSpans(spans.tail()).build());
  }

  @Override
  Telemetry toTelemetry(List<ResourceSpans> groups, ClientMetadata metadata) {
    return Telemetry.traces(
        ExportTraceServiceRequest.newBuilder().addAllResourceSpans(groups).build(), metadata);
  }
}
