package io.otelring.exporter.sending;

import com.google.protobuf.InvalidProtocolBufferException;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.wire.MalformedWireException;
import io.otelring.core.wire.WireScanner;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;

/**
 * The sending queue kept in a {@link RecordLog}: a batch's stage completes only once it is on disk,
 * batches left at a crash or a stop are sent after the restart, and only the positions of waiting
 * batches stay in memory (a batch is read back when a worker takes it). A record is one byte for
 * the signal followed by the OTLP request; client metadata is not kept.
 */
final class PersistentQueue implements SendingQueue {

  private final RecordLog log;
  private final Logger logger;
  private final WorkList<RecordLog.Position> waiting = new WorkList<>();
  private final Semaphore room;
  private final int capacity;
  private final boolean blockOnOverflow;

  /** Opens the queue on a log, taking back what earlier runs left (even beyond capacity). */
  PersistentQueue(RecordLog log, int capacity, boolean blockOnOverflow, Logger logger)
      throws IOException {
    this.log = log;
    this.logger = logger;
    this.capacity = capacity;
    this.blockOnOverflow = blockOnOverflow;
    List<RecordLog.Position> recovered = log.recover();
    recovered.forEach(waiting::add);
    // A negative start is allowed: room comes back as the recovered batches are taken.
    this.room = new Semaphore(capacity - recovered.size());
    if (!recovered.isEmpty()) {
      logger.info("Sending queue: {} batches from an earlier run will be sent", recovered.size());
    }
  }

  @Override
  public CompletionStage<Void> offer(Telemetry telemetry) {
    if (!QueueRoom.claim(room, 1, blockOnOverflow)) {
      return Consumer.refuse(
          Refusal.retryable("sending queue is full", MemoryQueue.FULL_RETRY_DELAY));
    }
    return log.append(encode(telemetry))
        .<Void>handle(
            (position, failure) -> {
              if (failure != null) {
                room.release();
                throw Refusal.retryable(
                    "sending queue cannot write: " + Refusal.of(failure).getMessage(),
                    MemoryQueue.FULL_RETRY_DELAY);
              }
              waiting.add(position);
              return null;
            });
  }

  @Override
  public Entry take() throws InterruptedException {
    RecordLog.Position position;
    while ((position = waiting.take()) != null) {
      Entry entry = read(position);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  @Override
  public Entry poll(long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    RecordLog.Position position;
    while ((position = waiting.poll(Math.max(0, end - System.nanoTime()))) != null) {
      Entry entry = read(position);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  private Entry read(RecordLog.Position position) {
    room.release();
    try {
      return new Entry(decode(log.read(position)), position, 1);
    } catch (IOException | RuntimeException e) {
      // A record that passed its checksum but does not parse cannot be sent, ever.
      logger.error("Sending queue: a stored batch cannot be read and is skipped: {}", e.toString());
      log.acknowledge(position);
      return null;
    }
  }

  @Override
  public void done(Entry entry) {
    log.acknowledge((RecordLog.Position) entry.handle());
  }

  @Override
  public int size() {
    return waiting.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public void wake() {
    waiting.wake();
  }

  @Override
  public boolean closed() {
    return waiting.closed();
  }

  @Override
  public void close() {
    waiting.close();
  }

  /** Closes the log; call after the workers stopped. */
  void closeLog() throws IOException {
    log.close();
  }

  /**
   * A record is the signal and the request bytes. Client metadata is not stored: nothing after an
   * exporter's queue reads it, and it holds the client's headers, credentials included, which have
   * no business on disk.
   */
  static byte[] encode(Telemetry telemetry) {
    byte[] request = telemetry.toByteArray();
    byte[] bytes = new byte[1 + request.length];
    bytes[0] = (byte) telemetry.signal().ordinal();
    System.arraycopy(request, 0, bytes, 1, request.length);
    return bytes;
  }

  static Telemetry decode(byte[] record) throws InvalidProtocolBufferException {
    if (record.length == 0 || record[0] < 0 || record[0] >= Signal.values().length) {
      throw new InvalidProtocolBufferException("unknown signal in a stored batch");
    }
    Signal signal = Signal.values()[record[0]];
    byte[] body = Arrays.copyOfRange(record, 1, record.length);
    try {
      // Checked and counted without parsing; it is sent as it was stored.
      WireScanner.Result scan = WireScanner.scan(signal, body);
      return Telemetry.fromWire(signal, body, scan.items(), ClientMetadata.EMPTY);
    } catch (MalformedWireException e) {
      throw new InvalidProtocolBufferException(
          "a stored batch is not a valid request: " + e.getMessage());
    }
  }
}
