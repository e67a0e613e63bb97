package io.otelring.processor.rewrite;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copy-on-write edits of a logs request: of each log record, or of each resource. */
public final class LogRewrite {

  private LogRewrite() {}

  /** Edits one log record; returns the same instance to leave it unchanged. */
  @FunctionalInterface
  public interface RecordEdit {
    LogRecord edit(Resource resource, InstrumentationScope scope, LogRecord record);
  }

  public static ExportLogsServiceRequest records(
      ExportLogsServiceRequest request, RecordEdit edit) {
    List<ResourceLogs> resources = request.getResourceLogsList();
    List<ResourceLogs> newResources = null;
    for (int r = 0; r < resources.size(); r++) {
      ResourceLogs rl = resources.get(r);
      ResourceLogs newRl = records(rl, edit);
      if (newRl != rl && newResources == null) {
        newResources = new ArrayList<>(resources.subList(0, r));
      }
      if (newResources != null) {
        newResources.add(newRl);
      }
    }
    return newResources == null
        ? request
        : request.toBuilder().clearResourceLogs().addAllResourceLogs(newResources).build();
  }

  private static ResourceLogs records(ResourceLogs rl, RecordEdit edit) {
    Resource resource = rl.getResource();
    List<ScopeLogs> scopes = rl.getScopeLogsList();
    List<ScopeLogs> newScopes = null;
    for (int s = 0; s < scopes.size(); s++) {
      ScopeLogs sl = scopes.get(s);
      List<LogRecord> records = sl.getLogRecordsList();
      List<LogRecord> newRecords = null;
      for (int i = 0; i < records.size(); i++) {
        LogRecord record = records.get(i);
        LogRecord edited = edit.edit(resource, sl.getScope(), record);
        if (edited != record && newRecords == null) {
          newRecords = new ArrayList<>(records.size());
          newRecords.addAll(records.subList(0, i));
        }
        if (newRecords != null) {
          newRecords.add(edited);
        }
      }
      ScopeLogs newSl =
          newRecords == null
              ? sl
              : sl.toBuilder().clearLogRecords().addAllLogRecords(newRecords).build();
      if (newSl != sl && newScopes == null) {
        newScopes = new ArrayList<>(scopes.subList(0, s));
      }
      if (newScopes != null) {
        newScopes.add(newSl);
      }
    }
    return newScopes == null
        ? rl
        : rl.toBuilder().clearScopeLogs().addAllScopeLogs(newScopes).build();
  }

  /** Edits every resource; the edit returns the same instance to leave one unchanged. */
  public static ExportLogsServiceRequest resources(
      ExportLogsServiceRequest request, UnaryOperator<Resource> edit) {
    ExportLogsServiceRequest.Builder builder = null;
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      Resource resource = request.getResourceLogs(r).getResource();
      Resource edited = edit.apply(resource);
      if (edited != resource) {
        if (builder == null) {
          builder = request.toBuilder();
        }
        builder.setResourceLogs(r, request.getResourceLogs(r).toBuilder().setResource(edited));
      }
    }
    return builder == null ? request : builder.build();
  }
}
