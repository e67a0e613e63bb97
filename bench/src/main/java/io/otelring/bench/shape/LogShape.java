package io.otelring.bench.shape;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.util.Random;

/**
 * The logs the load generator sends: INFO records with a 60-character body, three attributes and a
 * trace context — about 170 bytes a record.
 */
public final class LogShape {

  private LogShape() {}

  /** One request of {@code records} log records. */
  public static ExportLogsServiceRequest request(int records, Random random) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    scope.getScopeBuilder().setName("io.otelring.bench").setVersion("1.0.0");
    long now = 1_700_000_000_000_000_000L + random.nextInt(1_000_000_000);
    byte[] traceId = new byte[16];
    byte[] spanId = new byte[8];
    for (int i = 0; i < records; i++) {
      random.nextBytes(traceId);
      random.nextBytes(spanId);
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(now + i)
              .setObservedTimeUnixNano(now + i + 1_000)
              .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
              .setSeverityText("INFO")
              .setBody(AnyValue.newBuilder().setStringValue(Attributes.text(random, 60)))
              .addAttributes(Attributes.string("app", "loadgen"))
              .addAttributes(Attributes.string("component", "worker-" + (i % 8)))
              .addAttributes(Attributes.integer("sequence", i))
              .setTraceId(Attributes.bytes(traceId))
              .setSpanId(Attributes.bytes(spanId)));
    }
    ResourceLogs.Builder resource = ResourceLogs.newBuilder().addScopeLogs(scope);
    resource
        .getResourceBuilder()
        .addAttributes(Attributes.string("service.name", "otelring-loadgen"));
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(resource).build();
  }
}
