package io.otelring.receiver.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Drops spans and log records whose ids have an impossible length: a trace id is 16 bytes and a
 * span id 8, or either is empty. Go's pdata fails the whole request on such an id; here the rest of
 * the request goes on and the client learns what was dropped through {@code partial_success}. The
 * request is rebuilt only when something is dropped, which is rare.
 */
final class InvalidIds {

  static final String SPANS_MESSAGE =
      "rejected spans with an invalid id: trace_id must be 16 bytes, span_id and parent_span_id"
          + " 8 bytes, or empty";
  static final String LOG_RECORDS_MESSAGE =
      "rejected log records with an invalid id: trace_id must be 16 bytes and span_id 8 bytes, or"
          + " empty";

  private InvalidIds() {}

  /** A request with the bad items removed, and how many were. */
  record Screened<T>(T request, int rejected) {}

  static Screened<ExportTraceServiceRequest> screenSpans(ExportTraceServiceRequest request) {
    if (!anyInvalidSpan(request)) {
      return new Screened<>(request, 0);
    }
    int rejected = 0;
    var kept = request.toBuilder().clearResourceSpans();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      var resourceKept = resource.toBuilder().clearScopeSpans();
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        var scopeKept = scope.toBuilder().clearSpans();
        for (Span span : scope.getSpansList()) {
          if (isValid(span)) {
            scopeKept.addSpans(span);
          } else {
            rejected++;
          }
        }
        if (scopeKept.getSpansCount() > 0 || scope.getSpansCount() == 0) {
          resourceKept.addScopeSpans(scopeKept);
        }
      }
      if (resourceKept.getScopeSpansCount() > 0 || resource.getScopeSpansCount() == 0) {
        kept.addResourceSpans(resourceKept);
      }
    }
    return new Screened<>(kept.build(), rejected);
  }

  static Screened<ExportLogsServiceRequest> screenLogRecords(ExportLogsServiceRequest request) {
    if (!anyInvalidLogRecord(request)) {
      return new Screened<>(request, 0);
    }
    int rejected = 0;
    var kept = request.toBuilder().clearResourceLogs();
    for (ResourceLogs resource : request.getResourceLogsList()) {
      var resourceKept = resource.toBuilder().clearScopeLogs();
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        var scopeKept = scope.toBuilder().clearLogRecords();
        for (LogRecord record : scope.getLogRecordsList()) {
          if (isValid(record)) {
            scopeKept.addLogRecords(record);
          } else {
            rejected++;
          }
        }
        if (scopeKept.getLogRecordsCount() > 0 || scope.getLogRecordsCount() == 0) {
          resourceKept.addScopeLogs(scopeKept);
        }
      }
      if (resourceKept.getScopeLogsCount() > 0 || resource.getScopeLogsCount() == 0) {
        kept.addResourceLogs(resourceKept);
      }
    }
    return new Screened<>(kept.build(), rejected);
  }

  private static boolean anyInvalidSpan(ExportTraceServiceRequest request) {
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          if (!isValid(span)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean anyInvalidLogRecord(ExportLogsServiceRequest request) {
    for (ResourceLogs resource : request.getResourceLogsList()) {
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        for (LogRecord record : scope.getLogRecordsList()) {
          if (!isValid(record)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isValid(Span span) {
    return isTraceId(span.getTraceId())
        && isSpanId(span.getSpanId())
        && isSpanId(span.getParentSpanId());
  }

  private static boolean isValid(LogRecord record) {
    return isTraceId(record.getTraceId()) && isSpanId(record.getSpanId());
  }

  private static boolean isTraceId(ByteString id) {
    return id.isEmpty() || id.size() == 16;
  }

  private static boolean isSpanId(ByteString id) {
    return id.isEmpty() || id.size() == 8;
  }
}
