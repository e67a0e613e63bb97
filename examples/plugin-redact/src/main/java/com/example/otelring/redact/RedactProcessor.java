package com.example.otelring.redact;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * Masks what the configured patterns match in string attribute values of spans and log records
 * (and in string log bodies), then hands the data on. Runs on the pipeline's ring thread like
 * any built-in processor: no blocking, no shared state.
 */
final class RedactProcessor implements Processor {

  private final Pattern pattern;
  private final String replacement;
  private final Set<String> keys;
  private final Consumer next;
  private final Counter masked;

  RedactProcessor(ComponentSettings settings, RedactConfig config, Consumer next) {
    this.pattern = Pattern.compile(String.join("|", config.patterns()));
    this.replacement = config.replacement();
    this.keys = new HashSet<>(config.keys());
    this.next = next;
    this.masked =
        Counter.builder("redact_masked_values")
            .tag("processor", settings.id().toString())
            .register(settings.meters());
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    if (telemetry.signal() == Signal.TRACES) {
      ExportTraceServiceRequest.Builder request = telemetry.traces().toBuilder();
      request.getResourceSpansBuilderList().stream()
          .flatMap(rs -> rs.getScopeSpansBuilderList().stream())
          .flatMap(ss -> ss.getSpansBuilderList().stream())
          .forEach(this::redact);
      return next.consume(Telemetry.traces(request.build(), telemetry.metadata()));
    }
    if (telemetry.signal() == Signal.LOGS) {
      ExportLogsServiceRequest.Builder request = telemetry.logs().toBuilder();
      request.getResourceLogsBuilderList().stream()
          .flatMap(rl -> rl.getScopeLogsBuilderList().stream())
          .flatMap(sl -> sl.getLogRecordsBuilderList().stream())
          .forEach(this::redact);
      return next.consume(Telemetry.logs(request.build(), telemetry.metadata()));
    }
    return next.consume(telemetry);
  }

  private void redact(Span.Builder span) {
    redact(span.getAttributesBuilderList());
  }

  private void redact(LogRecord.Builder record) {
    redact(record.getAttributesBuilderList());
    if (record.getBody().hasStringValue()) {
      record.setBody(AnyValue.newBuilder().setStringValue(mask(record.getBody().getStringValue())));
    }
  }

  private void redact(List<KeyValue.Builder> attributes) {
    for (KeyValue.Builder attribute : attributes) {
      if ((keys.isEmpty() || keys.contains(attribute.getKey()))
          && attribute.getValue().hasStringValue()) {
        attribute.getValueBuilder().setStringValue(mask(attribute.getValue().getStringValue()));
      }
    }
  }

  private String mask(String value) {
    var matcher = pattern.matcher(value);
    if (!matcher.find()) {
      return value;
    }
    masked.increment();
    return matcher.replaceAll(replacement);
  }

  /** Hands data straight on, so the acceptance — durable or not — is the next consumer's. */
  @Override
  public boolean durable() {
    return next.durable();
  }
}
