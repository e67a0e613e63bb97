package io.otelring.exporter.sending;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/** The in-memory sending queue: what it holds is lost if the process dies. */
final class MemoryQueue implements SendingQueue {

  static final Duration FULL_RETRY_DELAY = Duration.ofSeconds(1);

  private final WorkList<Entry> entries = new WorkList<>();
  private final Semaphore room;
  private final int capacity;
  private final boolean blockOnOverflow;

  MemoryQueue(int capacity, boolean blockOnOverflow) {
    this.capacity = capacity;
    this.room = new Semaphore(capacity);
    this.blockOnOverflow = blockOnOverflow;
  }

  @Override
  public CompletionStage<Void> offer(Telemetry telemetry) {
    return offer(telemetry, null);
  }

  /** Adds a batch with a handle the worker gets back (the stage of {@code wait_for_result}). */
  CompletionStage<Void> offer(Telemetry telemetry, Object handle) {
    if (!QueueRoom.claim(room, blockOnOverflow)) {
      return Consumer.refuse(Refusal.retryable("sending queue is full", FULL_RETRY_DELAY));
    }
    entries.add(new Entry(telemetry, handle));
    return Consumer.ACCEPTED;
  }

  @Override
  public Entry take() throws InterruptedException {
    Entry entry = entries.take();
    if (entry != null) {
      room.release();
    }
    return entry;
  }

  /** What is still queued, taken out, for counting as lost at shutdown. */
  List<Entry> drainRemaining() {
    List<Entry> rest = new ArrayList<>();
    entries.drainTo(rest);
    return rest;
  }

  @Override
  public void done(Entry entry) {}

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public void close() {
    entries.close();
  }
}
