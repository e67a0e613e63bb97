package io.otelring.bench.loadgen;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelring.core.component.Signal;
import io.otelring.core.otlpjson.OtlpJson;

/** Reads the rejected-item count from an OTLP export response (protobuf or JSON). */
final class PartialSuccess {

  private PartialSuccess() {}

  /** The reply for a successful answer with this body; most bodies are empty. */
  static Reply reply(Signal signal, byte[] response) {
    if (response == null || response.length == 0) {
      return Reply.ACCEPTED;
    }
    try {
      long rejected =
          switch (signal) {
            case TRACES ->
                ExportTraceServiceResponse.parseFrom(response)
                    .getPartialSuccess()
                    .getRejectedSpans();
            case METRICS ->
                ExportMetricsServiceResponse.parseFrom(response)
                    .getPartialSuccess()
                    .getRejectedDataPoints();
            case LOGS ->
                ExportLogsServiceResponse.parseFrom(response)
                    .getPartialSuccess()
                    .getRejectedLogRecords();
          };
      return Reply.accepted(rejected);
    } catch (InvalidProtocolBufferException e) {
      return Reply.failed("unreadable response: " + e.getMessage());
    }
  }

  /** The same for an OTLP/JSON answer. */
  static Reply replyJson(Signal signal, byte[] response) {
    if (response == null || response.length == 0) {
      return Reply.ACCEPTED;
    }
    try {
      com.google.protobuf.Message decoded =
          OtlpJson.decode(
              response,
              switch (signal) {
                case TRACES -> ExportTraceServiceResponse.getDefaultInstance();
                case METRICS -> ExportMetricsServiceResponse.getDefaultInstance();
                case LOGS -> ExportLogsServiceResponse.getDefaultInstance();
              });
      return reply(signal, decoded.toByteArray());
    } catch (java.io.IOException e) {
      return Reply.failed("unreadable response: " + e.getMessage());
    }
  }
}
