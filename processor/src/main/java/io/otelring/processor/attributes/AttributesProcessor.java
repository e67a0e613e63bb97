package io.otelring.processor.attributes;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Processor;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.processor.attraction.AttributeActions;
import io.otelring.processor.attraction.MutableAttributes;
import io.otelring.processor.attraction.Selection;
import io.otelring.processor.rewrite.LogRewrite;
import io.otelring.processor.rewrite.MetricRewrite;
import io.otelring.processor.rewrite.TraceRewrite;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Applies the configured actions to the attributes of each selected span, log record or metric data
 * point, and hands a copy with the changes on (the request it got, when nothing changed).
 */
final class AttributesProcessor implements Processor {

  private final AttributeActions actions;
  private final Selection selection;
  private final Consumer next;

  AttributesProcessor(AttributeActions actions, Selection selection, Consumer next) {
    this.actions = actions;
    this.selection = selection;
    this.next = next;
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    ClientMetadata metadata = telemetry.metadata();
    return next.consume(
        switch (telemetry.signal()) {
          case TRACES -> {
            ExportTraceServiceRequest request = telemetry.traces();
            ExportTraceServiceRequest edited =
                TraceRewrite.spans(
                    request,
                    (resource, scope, span) ->
                        selection.selectsSpan(resource, scope, span) ? edit(span, metadata) : span);
            yield edited == request ? telemetry : Telemetry.traces(edited, metadata);
          }
          case LOGS -> {
            ExportLogsServiceRequest request = telemetry.logs();
            ExportLogsServiceRequest edited =
                LogRewrite.records(
                    request,
                    (resource, scope, record) ->
                        selection.selectsLog(resource, scope, record)
                            ? edit(record, metadata)
                            : record);
            yield edited == request ? telemetry : Telemetry.logs(edited, metadata);
          }
          case METRICS -> {
            ExportMetricsServiceRequest request = telemetry.metrics();
            ExportMetricsServiceRequest edited =
                MetricRewrite.points(
                    request,
                    selection::selectsMetric,
                    (resource, scope, metric, attributes) -> edit(attributes, metadata));
            yield edited == request ? telemetry : Telemetry.metrics(edited, metadata);
          }
        });
  }

  private Span edit(Span span, ClientMetadata metadata) {
    List<KeyValue> edited = edit(span.getAttributesList(), metadata);
    return edited == span.getAttributesList()
        ? span
        : span.toBuilder().clearAttributes().addAllAttributes(edited).build();
  }

  private LogRecord edit(LogRecord record, ClientMetadata metadata) {
    List<KeyValue> edited = edit(record.getAttributesList(), metadata);
    return edited == record.getAttributesList()
        ? record
        : record.toBuilder().clearAttributes().addAllAttributes(edited).build();
  }

  private List<KeyValue> edit(List<KeyValue> attributes, ClientMetadata metadata) {
    MutableAttributes mutable = new MutableAttributes(attributes);
    actions.apply(mutable, metadata);
    return mutable.entries();
  }

  /** Hands data straight on, so the acceptance — durable or not — is the next consumer's. */
  @Override
  public boolean durable() {
    return next.durable();
  }
}
