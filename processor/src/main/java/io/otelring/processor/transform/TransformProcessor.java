package io.otelring.processor.transform;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ThrottledLog;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.processor.rewrite.LogRewrite;
import io.otelring.processor.rewrite.MetricRewrite;
import io.otelring.processor.rewrite.TraceRewrite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Applies the compiled {@link TransformRules} to each span, log record or metric data point and
 * hands on a copy with the changes. A field that fails is skipped and counted in {@code
 * otelring_processor_transform_field_failures_total{processor, field}}; a {@code where} that fails
 * leaves the item unchanged and is counted in {@code
 * otelring_processor_transform_where_failures_total{processor}}.
 */
final class TransformProcessor implements Processor, TransformRules.Failures {

  private final TransformRules rules;
  private final Consumer next;
  private final ItemVariables item = new ItemVariables();
  private final Counter[] fieldFailures;
  private final Counter whereFailures;
  private final ThrottledLog failureLog;
  private final String id;

  TransformProcessor(ComponentSettings settings, TransformRules rules, Consumer next) {
    this.rules = rules;
    this.next = next;
    this.id = settings.id().toString();
    this.fieldFailures = new Counter[rules.fieldCount()];
    for (int i = 0; i < fieldFailures.length; i++) {
      fieldFailures[i] =
          Counter.builder("otelring_processor_transform_field_failures")
              .description("Fields skipped because their expression failed or yielded null")
              .tag("processor", id)
              .tag("field", rules.target(i))
              .register(settings.meters());
    }
    this.whereFailures =
        Counter.builder("otelring_processor_transform_where_failures")
            .description("Items left unchanged because the where condition failed")
            .tag("processor", id)
            .register(settings.meters());
    this.failureLog = new ThrottledLog(settings.logger(), Duration.ofSeconds(10));
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    return next.consume(
        switch (telemetry.signal()) {
          case TRACES -> {
            var request = telemetry.traces();
            var edited =
                TraceRewrite.spans(
                    request,
                    (resource, scope, span) -> {
                      item.reset(resource, scope, span, null, null, span.getAttributesList());
                      return apply(span);
                    });
            yield edited == request ? telemetry : Telemetry.traces(edited, telemetry.metadata());
          }
          case LOGS -> {
            var request = telemetry.logs();
            var edited =
                LogRewrite.records(
                    request,
                    (resource, scope, record) -> {
                      item.reset(resource, scope, null, record, null, record.getAttributesList());
                      return apply(record);
                    });
            yield edited == request ? telemetry : Telemetry.logs(edited, telemetry.metadata());
          }
          case METRICS -> {
            var request = telemetry.metrics();
            var edited =
                MetricRewrite.points(
                    request,
                    MetricRewrite::every,
                    (resource, scope, metric, attributes) -> {
                      item.reset(resource, scope, null, null, metric, attributes);
                      TransformRules.Edit edit = rules.edit(item, this);
                      return edit == null ? attributes : edit.attributes();
                    });
            yield edited == request ? telemetry : Telemetry.metrics(edited, telemetry.metadata());
          }
        });
  }

  private Span apply(Span span) {
    TransformRules.Edit edit = rules.edit(item, this);
    if (edit == null) {
      return span;
    }
    Span.Builder builder = span.toBuilder();
    if (edit.attributes() != span.getAttributesList()) {
      builder.clearAttributes().addAllAttributes(edit.attributes());
    }
    if (edit.name() != null) {
      builder.setName(edit.name());
    }
    return builder.build();
  }

  private LogRecord apply(LogRecord record) {
    TransformRules.Edit edit = rules.edit(item, this);
    if (edit == null) {
      return record;
    }
    List<KeyValue> attributes = edit.attributes();
    return record.toBuilder().clearAttributes().addAllAttributes(attributes).build();
  }

  @Override
  public void field(int index, String target, Exception cause) {
    fieldFailures[index].increment();
    failureLog.warn("{}: field {} skipped: {}", id, target, cause.getMessage());
  }

  @Override
  public void where(Exception cause) {
    // Not logged: a condition on an attribute that some items lack fails for each of them.
    whereFailures.increment();
  }

  /** Hands data straight on, so the acceptance — durable or not — is the next consumer's. */
  @Override
  public boolean durable() {
    return next.durable();
  }
}
