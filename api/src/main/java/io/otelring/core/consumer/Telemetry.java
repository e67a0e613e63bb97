package io.otelring.core.consumer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelring.core.component.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The envelope that flows through a pipeline: which signal, how many items (spans, metric data
 * points, log records), the payload, and the client metadata the receiver kept. Components touch
 * the payload only through this class, so that its representation can change in one place.
 *
 * <p>The payload is either a parsed request or the request's protobuf bytes as they came off the
 * wire (already checked by the receiver). Bytes are parsed only when a component asks for the
 * message ({@link #traces()} …); a pipeline that only batches and forwards never parses, and an
 * exporter sends the bytes it has ({@link #writeTo}) without encoding them again.
 *
 * <p>The bytes may be in pieces: a batch of unparsed requests is the list of their byte arrays
 * ({@link #join}), because the concatenation of export requests is the export request of all their
 * resource groups. Keeping the pieces instead of copying them into one array saves a copy of every
 * span and the batch-sized arrays the garbage collector handles worst.
 */
public final class Telemetry {

  private final Signal signal;
  private final int itemCount;
  private final ClientMetadata metadata;
  // The protobuf bytes in order, or null when the envelope was made from a message.
  private final byte[][] wire;
  // The item count of each piece of wire: known when the pieces were joined, and counting again
  // would walk bytes long out of the CPU's caches (a cache miss per span at full load).
  private final int[] pieceItems;
  private final int wireLength;
  // Parsed on first use; a race parses twice and keeps either, both equal.
  private volatile MessageLite message;

  private Telemetry(
      Signal signal,
      MessageLite message,
      byte[][] wire,
      int[] pieceItems,
      int itemCount,
      ClientMetadata metadata) {
    this.signal = signal;
    this.message = message;
    this.wire = wire;
    this.pieceItems = pieceItems;
    this.wireLength = wire == null ? -1 : lengthOf(wire);
    this.itemCount = itemCount;
    this.metadata = Objects.requireNonNull(metadata, "metadata");
  }

  private static Telemetry parsed(
      Signal signal, MessageLite message, int itemCount, ClientMetadata metadata) {
    return new Telemetry(signal, message, null, null, itemCount, metadata);
  }

  public static Telemetry traces(ExportTraceServiceRequest request, ClientMetadata metadata) {
    return parsed(Signal.TRACES, request, ItemCounts.spans(request), metadata);
  }

  public static Telemetry metrics(ExportMetricsServiceRequest request, ClientMetadata metadata) {
    return parsed(Signal.METRICS, request, ItemCounts.dataPoints(request), metadata);
  }

  public static Telemetry logs(ExportLogsServiceRequest request, ClientMetadata metadata) {
    return parsed(Signal.LOGS, request, ItemCounts.logRecords(request), metadata);
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

  /**
   * An envelope around an export request's protobuf bytes, not parsed. The caller vouches that the
   * bytes parse (a receiver checks them with a wire scan) and that {@code itemCount} is their item
   * count; the array is owned by the envelope from now on and must not be changed.
   */
  public static Telemetry fromWire(
      Signal signal, byte[] bytes, int itemCount, ClientMetadata metadata) {
    return new Telemetry(
        Objects.requireNonNull(signal, "signal"),
        null,
        new byte[][] {Objects.requireNonNull(bytes, "bytes")},
        new int[] {itemCount},
        itemCount,
        metadata);
  }

  /**
   * One envelope holding the requests of {@code parts}, in order, as one request: their bytes side
   * by side, not copied (a parsed part is encoded now). The item count is the sum of theirs.
   */
  public static Telemetry join(Signal signal, List<Telemetry> parts, ClientMetadata metadata) {
    Objects.requireNonNull(signal, "signal");
    int pieceCount = 0;
    for (Telemetry part : parts) {
      if (part.signal != signal) {
        throw new IllegalArgumentException("cannot join " + part.signal + " to " + signal);
      }
      pieceCount += part.wire == null ? 1 : part.wire.length;
    }
    byte[][] pieces = new byte[pieceCount][];
    int[] pieceItems = new int[pieceCount];
    int at = 0;
    int items = 0;
    for (Telemetry part : parts) {
      items += part.itemCount;
      if (part.wire == null) {
        pieces[at] = part.message.toByteArray();
        pieceItems[at++] = part.itemCount;
      } else {
        System.arraycopy(part.wire, 0, pieces, at, part.wire.length);
        System.arraycopy(part.pieceItems, 0, pieceItems, at, part.wire.length);
        at += part.wire.length;
      }
    }
    return new Telemetry(signal, null, pieces, pieceItems, items, metadata);
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

  /** The payload of a {@link Signal#TRACES} envelope, parsed now if it was not yet. */
  public ExportTraceServiceRequest traces() {
    return (ExportTraceServiceRequest) message(Signal.TRACES);
  }

  /** The payload of a {@link Signal#METRICS} envelope, parsed now if it was not yet. */
  public ExportMetricsServiceRequest metrics() {
    return (ExportMetricsServiceRequest) message(Signal.METRICS);
  }

  /** The payload of a {@link Signal#LOGS} envelope, parsed now if it was not yet. */
  public ExportLogsServiceRequest logs() {
    return (ExportLogsServiceRequest) message(Signal.LOGS);
  }

  /** True while the payload is bytes that no component has asked to parse. */
  public boolean isUnparsed() {
    return message == null;
  }

  /**
   * The payload in protobuf form: the bytes as received when they are in one piece (shared, not
   * copied — do not change them), else the pieces copied into one array or the message encoded now.
   * An exporter that can write pieces uses {@link #writeTo} instead.
   */
  public byte[] toByteArray() {
    if (wire == null) {
      return message.toByteArray();
    }
    if (wire.length == 1) {
      return wire[0];
    }
    byte[] bytes = new byte[wireLength];
    int at = 0;
    for (byte[] piece : wire) {
      System.arraycopy(piece, 0, bytes, at, piece.length);
      at += piece.length;
    }
    return bytes;
  }

  /**
   * The pieces the envelope holds its bytes in (each a whole request: the receiver's, or one of
   * those a batch joined), each as an envelope of one array with its own item count and this
   * envelope's metadata; the bytes are shared, not copied. Itself when it is one piece; empty for a
   * parsed payload.
   */
  public List<Telemetry> wirePieces() {
    if (wire == null) {
      return List.of();
    }
    if (wire.length == 1) {
      return List.of(this);
    }
    List<Telemetry> pieces = new ArrayList<>(wire.length);
    for (int i = 0; i < wire.length; i++) {
      pieces.add(
          new Telemetry(
              signal,
              null,
              new byte[][] {wire[i]},
              new int[] {pieceItems[i]},
              pieceItems[i],
              metadata));
    }
    return pieces;
  }

  /** Writes the payload in protobuf form: the bytes it holds, piece by piece, or the message. */
  public void writeTo(OutputStream out) throws IOException {
    if (wire == null) {
      message.writeTo(out);
      return;
    }
    for (byte[] piece : wire) {
      out.write(piece);
    }
  }

  /** The payload's serialized size in bytes. */
  public int serializedSize() {
    return wire != null ? wireLength : message.getSerializedSize();
  }

  private MessageLite message(Signal expected) {
    if (signal != expected) {
      throw new IllegalStateException("this envelope holds " + signal + ", not " + expected);
    }
    MessageLite parsed = message;
    if (parsed == null) {
      parsed = parse();
      message = parsed;
    }
    return parsed;
  }

  private MessageLite parse() {
    try {
      return switch (signal) {
        case TRACES -> ExportTraceServiceRequest.parseFrom(toByteArray());
        case METRICS -> ExportMetricsServiceRequest.parseFrom(toByteArray());
        case LOGS -> ExportLogsServiceRequest.parseFrom(toByteArray());
      };
    } catch (InvalidProtocolBufferException e) {
      // fromWire's caller vouched for the bytes: this is a bug, not bad input.
      throw new IllegalStateException("unparsable bytes in a checked envelope", e);
    }
  }

  private static int lengthOf(byte[][] pieces) {
    long length = 0;
    for (byte[] piece : pieces) {
      length += piece.length;
    }
    // A protobuf message is at most 2 GiB; callers keep batches far below that.
    return Math.toIntExact(length);
  }

  @Override
  public String toString() {
    return "Telemetry{" + signal + ", " + itemCount + " " + signal.itemNoun() + "}";
  }
}
