package io.otelring.bench.baseline;

import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ItemCounts;
import java.util.List;

/** B2's services: the generated OTLP services, which parse every request into messages. */
final class ParsedExportServices {

  private ParsedExportServices() {}

  static List<ServerServiceDefinition> all(ReceivedCounts counts) {
    return List.of(
        new TraceServiceGrpc.TraceServiceImplBase() {
          @Override
          public void export(
              ExportTraceServiceRequest request,
              StreamObserver<ExportTraceServiceResponse> response) {
            counts.add(Signal.TRACES, ItemCounts.spans(request));
            response.onNext(ExportTraceServiceResponse.getDefaultInstance());
            response.onCompleted();
          }
        }.bindService(),
        new MetricsServiceGrpc.MetricsServiceImplBase() {
          @Override
          public void export(
              ExportMetricsServiceRequest request,
              StreamObserver<ExportMetricsServiceResponse> response) {
            counts.add(Signal.METRICS, ItemCounts.dataPoints(request));
            response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
            response.onCompleted();
          }
        }.bindService(),
        new LogsServiceGrpc.LogsServiceImplBase() {
          @Override
          public void export(
              ExportLogsServiceRequest request,
              StreamObserver<ExportLogsServiceResponse> response) {
            counts.add(Signal.LOGS, ItemCounts.logRecords(request));
            response.onNext(ExportLogsServiceResponse.getDefaultInstance());
            response.onCompleted();
          }
        }.bindService());
  }
}
