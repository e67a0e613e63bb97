package io.otelring.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.otlpjson.OtlpJson;
import io.otelring.receiver.otlp.InvalidIds.Screened;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * What differs between the three OTLP export services — the method, the messages, how bad items are
 * screened out, how a partial success is written, how a body is parsed — so that one handler per
 * transport serves all three.
 */
abstract class ExportSignal<Q extends Message, R extends Message> {

  static final ExportSignal<ExportTraceServiceRequest, ExportTraceServiceResponse> TRACES =
      new ExportSignal<>(
          Signal.TRACES,
          TraceServiceGrpc.getExportMethod(),
          ExportTraceServiceRequest.getDefaultInstance()) {
        @Override
        Screened<ExportTraceServiceRequest> screen(ExportTraceServiceRequest request) {
          return InvalidIds.screenSpans(request);
        }

        @Override
        Telemetry wrap(ExportTraceServiceRequest request, ClientMetadata metadata) {
          return Telemetry.traces(request, metadata);
        }

        @Override
        ExportTraceServiceResponse response(int rejected) {
          if (rejected == 0) {
            return ExportTraceServiceResponse.getDefaultInstance();
          }
          return ExportTraceServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportTracePartialSuccess.newBuilder()
                      .setRejectedSpans(rejected)
                      .setErrorMessage(InvalidIds.SPANS_MESSAGE))
              .build();
        }
      };

  static final ExportSignal<ExportMetricsServiceRequest, ExportMetricsServiceResponse> METRICS =
      new ExportSignal<>(
          Signal.METRICS,
          MetricsServiceGrpc.getExportMethod(),
          ExportMetricsServiceRequest.getDefaultInstance()) {
        @Override
        Screened<ExportMetricsServiceRequest> screen(ExportMetricsServiceRequest request) {
          // A data point has no id to check; metrics are never partially rejected here.
          return new Screened<>(request, 0);
        }

        @Override
        Telemetry wrap(ExportMetricsServiceRequest request, ClientMetadata metadata) {
          return Telemetry.metrics(request, metadata);
        }

        @Override
        ExportMetricsServiceResponse response(int rejected) {
          return ExportMetricsServiceResponse.getDefaultInstance();
        }
      };

  static final ExportSignal<ExportLogsServiceRequest, ExportLogsServiceResponse> LOGS =
      new ExportSignal<>(
          Signal.LOGS,
          LogsServiceGrpc.getExportMethod(),
          ExportLogsServiceRequest.getDefaultInstance()) {
        @Override
        Screened<ExportLogsServiceRequest> screen(ExportLogsServiceRequest request) {
          return InvalidIds.screenLogRecords(request);
        }

        @Override
        Telemetry wrap(ExportLogsServiceRequest request, ClientMetadata metadata) {
          return Telemetry.logs(request, metadata);
        }

        @Override
        ExportLogsServiceResponse response(int rejected) {
          if (rejected == 0) {
            return ExportLogsServiceResponse.getDefaultInstance();
          }
          return ExportLogsServiceResponse.newBuilder()
              .setPartialSuccess(
                  ExportLogsPartialSuccess.newBuilder()
                      .setRejectedLogRecords(rejected)
                      .setErrorMessage(InvalidIds.LOG_RECORDS_MESSAGE))
              .build();
        }
      };

  private final Signal signal;
  private final MethodDescriptor<Q, R> generatedMethod;
  private final Q defaultRequest;

  private ExportSignal(Signal signal, MethodDescriptor<Q, R> generatedMethod, Q defaultRequest) {
    this.signal = signal;
    this.generatedMethod = generatedMethod;
    this.defaultRequest = defaultRequest;
  }

  Signal signal() {
    return signal;
  }

  /** The generated {@code Export} method, with a marshaller that hands parse failures over. */
  MethodDescriptor<ParsedRequest<Q>, R> method() {
    return generatedMethod.toBuilder(
            new RequestMarshaller<>(signal, defaultRequest), ProtoUtils.marshaller(response(0)))
        .build();
  }

  /** The request message's name, for the reason of a body that does not parse. */
  String requestTypeName() {
    return defaultRequest.getDescriptorForType().getName();
  }

  /** Parses a protobuf request body. */
  @SuppressWarnings("unchecked")
  Q parseProtobuf(ByteBuffer body) throws InvalidProtocolBufferException {
    return (Q) defaultRequest.getParserForType().parseFrom(body);
  }

  /** Parses an OTLP/JSON request body. */
  Q parseJson(InputStream body) throws IOException {
    return OtlpJson.decode(body, defaultRequest);
  }

  /** The request without the items that must be rejected, and their count. */
  abstract Screened<Q> screen(Q request);

  abstract Telemetry wrap(Q request, ClientMetadata metadata);

  /** The answer when everything that was not rejected is taken. */
  abstract R response(int rejected);
}
