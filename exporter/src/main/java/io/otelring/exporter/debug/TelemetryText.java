package io.otelring.exporter.debug;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** Turns a request into the text block the debug exporter prints after its summary line. */
interface TelemetryText {

  String traces(ExportTraceServiceRequest request);

  String metrics(ExportMetricsServiceRequest request);

  String logs(ExportLogsServiceRequest request);
}
