package io.otelring.exporter.debug;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * {@code verbosity: detailed}: every field of every item, laid out as the Go debug exporter's
 * {@code otlptext} marshalers lay it out at v0.128.0. Metrics are in {@link DetailedMetricsText}.
 */
final class DetailedText implements TelemetryText {

  private static final List<String> SPAN_KINDS =
      List.of("Unspecified", "Internal", "Server", "Client", "Producer", "Consumer");
  private static final List<String> STATUS_CODES = List.of("Unset", "Ok", "Error");
  private static final List<String> SEVERITIES =
      List.of(
          "Unspecified",
          "Trace",
          "Trace2",
          "Trace3",
          "Trace4",
          "Debug",
          "Debug2",
          "Debug3",
          "Debug4",
          "Info",
          "Info2",
          "Info3",
          "Info4",
          "Warn",
          "Warn2",
          "Warn3",
          "Warn4",
          "Error",
          "Error2",
          "Error3",
          "Error4",
          "Fatal",
          "Fatal2",
          "Fatal3",
          "Fatal4");

  @Override
  public String traces(ExportTraceServiceRequest request) {
    DetailedTextBuffer buf = new DetailedTextBuffer();
    for (int i = 0; i < request.getResourceSpansCount(); i++) {
      ResourceSpans rs = request.getResourceSpans(i);
      buf.line("ResourceSpans #" + i);
      buf.line("Resource SchemaURL: " + rs.getSchemaUrl());
      buf.attributes("Resource attributes", rs.getResource().getAttributesList());
      for (int j = 0; j < rs.getScopeSpansCount(); j++) {
        ScopeSpans ss = rs.getScopeSpans(j);
        buf.line("ScopeSpans #" + j);
        buf.line("ScopeSpans SchemaURL: " + ss.getSchemaUrl());
        buf.scope(ss.getScope());
        for (int k = 0; k < ss.getSpansCount(); k++) {
          buf.line("Span #" + k);
          span(buf, ss.getSpans(k));
        }
      }
    }
    return buf.toString();
  }

  private static void span(DetailedTextBuffer buf, Span span) {
    buf.field("Trace ID", DetailedTextBuffer.id(span.getTraceId()));
    buf.field("Parent ID", DetailedTextBuffer.id(span.getParentSpanId()));
    buf.field("ID", DetailedTextBuffer.id(span.getSpanId()));
    buf.field("Name", span.getName());
    buf.field("Kind", enumName(SPAN_KINDS, span.getKindValue()));
    if (!span.getTraceState().isEmpty()) {
      buf.field("TraceState", span.getTraceState());
    }
    buf.field("Start time", GoTimeFormat.utc(span.getStartTimeUnixNano()));
    buf.field("End time", GoTimeFormat.utc(span.getEndTimeUnixNano()));
    buf.field("Status code", enumName(STATUS_CODES, span.getStatus().getCodeValue()));
    buf.field("Status message", span.getStatus().getMessage());
    buf.attributes("Attributes", span.getAttributesList());
    if (span.getEventsCount() > 0) {
      buf.line("Events:");
      for (int i = 0; i < span.getEventsCount(); i++) {
        Span.Event event = span.getEvents(i);
        buf.line("SpanEvent #" + i);
        buf.line("     -> Name: " + event.getName());
        buf.line("     -> Timestamp: " + GoTimeFormat.utc(event.getTimeUnixNano()));
        buf.line("     -> DroppedAttributesCount: " + unsigned(event.getDroppedAttributesCount()));
        buf.attributes("     -> Attributes:", event.getAttributesList());
      }
    }
    if (span.getLinksCount() > 0) {
      buf.line("Links:");
      for (int i = 0; i < span.getLinksCount(); i++) {
        Span.Link link = span.getLinks(i);
        buf.line("SpanLink #" + i);
        buf.line("     -> Trace ID: " + DetailedTextBuffer.id(link.getTraceId()));
        buf.line("     -> ID: " + DetailedTextBuffer.id(link.getSpanId()));
        buf.line("     -> TraceState: " + link.getTraceState());
        buf.line("     -> DroppedAttributesCount: " + unsigned(link.getDroppedAttributesCount()));
        buf.attributes("     -> Attributes:", link.getAttributesList());
      }
    }
  }

  @Override
  public String metrics(ExportMetricsServiceRequest request) {
    return DetailedMetricsText.format(request);
  }

  @Override
  public String logs(ExportLogsServiceRequest request) {
    DetailedTextBuffer buf = new DetailedTextBuffer();
    for (int i = 0; i < request.getResourceLogsCount(); i++) {
      ResourceLogs rl = request.getResourceLogs(i);
      buf.line("ResourceLog #" + i);
      buf.line("Resource SchemaURL: " + rl.getSchemaUrl());
      buf.attributes("Resource attributes", rl.getResource().getAttributesList());
      for (int j = 0; j < rl.getScopeLogsCount(); j++) {
        ScopeLogs sl = rl.getScopeLogs(j);
        buf.line("ScopeLogs #" + j);
        buf.line("ScopeLogs SchemaURL: " + sl.getSchemaUrl());
        buf.scope(sl.getScope());
        for (int k = 0; k < sl.getLogRecordsCount(); k++) {
          LogRecord lr = sl.getLogRecords(k);
          buf.line("LogRecord #" + k);
          buf.line("ObservedTimestamp: " + GoTimeFormat.utc(lr.getObservedTimeUnixNano()));
          buf.line("Timestamp: " + GoTimeFormat.utc(lr.getTimeUnixNano()));
          buf.line("SeverityText: " + lr.getSeverityText());
          int severity = lr.getSeverityNumberValue();
          buf.line("SeverityNumber: " + enumName(SEVERITIES, severity) + "(" + severity + ")");
          if (!lr.getEventName().isEmpty()) {
            buf.line("EventName: " + lr.getEventName());
          }
          buf.line("Body: " + AnyValueText.typed(lr.getBody()));
          buf.attributes("Attributes", lr.getAttributesList());
          buf.line("Trace ID: " + DetailedTextBuffer.id(lr.getTraceId()));
          buf.line("Span ID: " + DetailedTextBuffer.id(lr.getSpanId()));
          buf.line("Flags: " + unsigned(lr.getFlags()));
        }
      }
    }
    return buf.toString();
  }

  /** pdata's enum {@code String()}: the name, or empty for a number it does not know. */
  static String enumName(List<String> names, int number) {
    return number >= 0 && number < names.size() ? names.get(number) : "";
  }

  /** OTLP's uint32 fields arrive in a Java int. */
  static String unsigned(int value) {
    return Integer.toUnsignedString(value);
  }
}
