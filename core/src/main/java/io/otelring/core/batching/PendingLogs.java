package io.otelring.core.batching;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import java.util.List;

/** Buffered log records, cut by record count. */
final class PendingLogs extends PendingBatch<ResourceLogs> {

  PendingLogs() {
    super(Signal.LOGS);
  }

  @Override
  List<ResourceLogs> groupsOf(Telemetry telemetry) {
    return telemetry.logs().getResourceLogsList();
  }

  @Override
  int itemsOf(ResourceLogs group) {
    int records = 0;
    for (ScopeLogs scope : group.getScopeLogsList()) {
      records += scope.getLogRecordsCount();
    }
    return records;
  }

  @Override
  Split<ResourceLogs> split(ResourceLogs group, int room) {
    Split<List<ScopeLogs>> scopes =
        splitChildren(
            group.getScopeLogsList(), room, ScopeLogs::getLogRecordsCount, PendingLogs::cutScope);
    return new Split<>(
        group.toBuilder().clearScopeLogs().addAllScopeLogs(scopes.head()).build(),
        group.toBuilder().clearScopeLogs().addAllScopeLogs(scopes.tail()).build());
  }

  private static Split<ScopeLogs> cutScope(ScopeLogs scope, int room) {
    Split<List<LogRecord>> records = splitLeaves(scope.getLogRecordsList(), room);
    return new Split<>(
        scope.toBuilder().clearLogRecords().addAllLogRecords(records.head()).build(),
        scope.toBuilder().clearLogRecords().addAllLogRecords(records.tail()).build());
  }

  @Override
  Telemetry toTelemetry(List<ResourceLogs> groups, ClientMetadata metadata) {
    return Telemetry.logs(
        ExportLogsServiceRequest.newBuilder().addAllResourceLogs(groups).build(), metadata);
  }
}
