package io.otelring.core.consumer;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.Signal;
import java.util.Objects;

/**
 * The envelope that flows through a pipeline: which signal, how many items (spans, metric data
 * points, log records), the payload, and the client metadata the receiver kept. Components should
 * touch the payload only through this class, so that the payload's representation (parsed messages
 * today; raw bytes parsed on demand later) can change in one place.
 */
public final class Telemetry {

  private final Signal signal;
  private final Object payload;
  private final int itemCount;
  private final ClientMetadata metadata;

  private Telemetry(Signal signal, Object payload, int itemCount, ClientMetadata metadata) {
    this.signal = signal;
    this.payload = Objects.requireNonNull(payload, "payload");
    this.itemCount = itemCount;
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  public static Telemetry traces(ExportTraceServiceRequest request, ClientMetadata metadata) {
    return new Telemetry(Signal.TRACES, request, ItemCounts.spans(request), metadata);
  }

  public static Telemetry metrics(ExportMetricsServiceRequest request, ClientMetadata metadata) {
    return new Telemetry(Signal.METRICS, request, ItemCounts.dataPoints(request), metadata);
  }

  public static Telemetry logs(ExportLogsServiceRequest request, ClientMetadata metadata) {
    return new Telemetry(Signal.LOGS, request, ItemCounts.logRecords(request), metadata);
  }

  public static Telemetry traces(ExportTraceServiceRequest request) {
    return traces(request, ClientMetadata.EMPTY);
  }

  public static Telemetry metrics(ExportMetricsServiceRequest request) {
    return metrics(request, ClientMetadata.EMPTY);
  }

  public static Telemetry logs(ExportLogsServiceRequest request) {
    return logs(request, ClientMetadata.EMPTY);
  }

  public Signal signal() {
    return signal;
  }

  /** Spans, metric data points or log records, counted as the Go collector counts them. */
  public int itemCount() {
    return itemCount;
  }

  public ClientMetadata metadata() {
    return metadata;
  }

  /** The payload of a {@link Signal#TRACES} envelope. */
  public ExportTraceServiceRequest traces() {
    return payload(Signal.TRACES, ExportTraceServiceRequest.class);
  }

  /** The payload of a {@link Signal#METRICS} envelope. */
  public ExportMetricsServiceRequest metrics() {
    return payload(Signal.METRICS, ExportMetricsServiceRequest.class);
  }

  /** The payload of a {@link Signal#LOGS} envelope. */
  public ExportLogsServiceRequest logs() {
    return payload(Signal.LOGS, ExportLogsServiceRequest.class);
  }

  /** The payload's serialized size in bytes. */
  public int serializedSize() {
    return ((com.google.protobuf.MessageLite) payload).getSerializedSize();
  }

  private <T> T payload(Signal expected, Class<T> type) {
    if (signal != expected) {
      throw new IllegalStateException("this envelope holds " + signal + ", not " + expected);
    }
    return type.cast(payload);
  }

  @Override
  public String toString() {
    return "Telemetry{" + signal + ", " + itemCount + " " + signal.itemNoun() + "}";
  }
}
