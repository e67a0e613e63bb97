package io.otelring.core.testing;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;

/** Builds small, valid OTLP requests for tests. */
public final class Requests {

  private Requests() {}

  /** A request of {@code spans} spans of one resource, named {@code prefix-0}, {@code prefix-1}… */
  public static ExportTraceServiceRequest spans(String prefix, int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setName(prefix + "-" + i)
              .setTraceId(id(16, prefix.hashCode(), i))
              .setSpanId(id(8, prefix.hashCode(), i))
              .setStartTimeUnixNano(1_700_000_000_000_000_000L + i)
              .setEndTimeUnixNano(1_700_000_000_000_000_100L + i));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().setResource(resource("svc-" + prefix)).addScopeSpans(scope))
        .build();
  }

  public static ExportLogsServiceRequest logs(String prefix, int records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < records; i++) {
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setBody(AnyValue.newBuilder().setStringValue(prefix + "-" + i))
              .setTimeUnixNano(1_700_000_000_000_000_000L + i));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder().setResource(resource("svc-" + prefix)).addScopeLogs(scope))
        .build();
  }

  private static Resource resource(String service) {
    return Resource.newBuilder()
        .addAttributes(
            KeyValue.newBuilder()
                .setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue(service)))
        .build();
  }

  private static ByteString id(int length, int seed, int index) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    buffer.putInt(seed).putInt(index + 1);
    return ByteString.copyFrom(buffer.array());
  }
}
