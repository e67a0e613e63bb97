package io.otelring.exporter.sending;

import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * The in-memory sending queue: what it holds is lost if the process dies. Its capacity is measured
 * by its {@link Sizer}; a request keeps its room until it is {@linkplain #done done} (sent or
 * failed), so the queue bounds what waits, what is being batched and what is in flight, as Go's
 * does. As the hand-off of a disabled queue, room comes back when a worker takes the request.
 * Whatever its sizer, a queue also refuses what would take the sending queues past their {@link
 * HeapShare}.
 */
final class MemoryQueue implements SendingQueue {

  static final Duration FULL_RETRY_DELAY = Duration.ofSeconds(1);

  private final WorkList<Entry> entries = new WorkList<>();
  private final Semaphore room;
  private final int capacity;
  private final boolean blockOnOverflow;
  private final Sizer sizer;
  private final boolean handOff;
  // Null for a hand-off, which holds no more than one request per worker.
  private final HeapShare heap;

  /** A queue of {@code capacity} measured by {@code sizer}, within the process's heap share. */
  MemoryQueue(int capacity, boolean blockOnOverflow, Sizer sizer) {
    this(capacity, blockOnOverflow, sizer, HeapShare.PROCESS);
  }

  /** The same within {@code heap}. */
  MemoryQueue(int capacity, boolean blockOnOverflow, Sizer sizer, HeapShare heap) {
    this(capacity, blockOnOverflow, sizer, false, heap);
  }

  private MemoryQueue(
      int capacity, boolean blockOnOverflow, Sizer sizer, boolean handOff, HeapShare heap) {
    this.capacity = capacity;
    this.room = new Semaphore(capacity);
    this.blockOnOverflow = blockOnOverflow;
    this.sizer = sizer;
    this.handOff = handOff;
    this.heap = heap;
  }

  /** Hands requests to {@code workers} free workers; a request waits only while none is free. */
  static MemoryQueue handOff(int workers) {
    return new MemoryQueue(workers, false, Sizer.REQUESTS, true, null);
  }

  @Override
  public CompletionStage<Void> offer(Telemetry telemetry) {
    return offer(telemetry, null);
  }

  /** Adds a batch with a handle the worker gets back (the stage of {@code wait_for_result}). */
  CompletionStage<Void> offer(Telemetry telemetry, Object handle) {
    long size = sizer.sizeOf(telemetry);
    if (size > capacity) {
      return Consumer.refuse(
          Refusal.permanent(
              "a request of "
                  + size
                  + " "
                  + sizer.configName()
                  + " is larger than the sending queue's capacity of "
                  + capacity));
    }
    if (!QueueRoom.claim(room, (int) size, blockOnOverflow)) {
      return Consumer.refuse(Refusal.retryable("sending queue is full", FULL_RETRY_DELAY));
    }
    if (heap != null && !heap.claim(telemetry.serializedSize(), blockOnOverflow)) {
      room.release((int) size);
      return Consumer.refuse(
          Refusal.retryable(
              "sending queue is full: the in-memory sending queues already hold "
                  + (heap.held() >> 20)
                  + " MiB, half of the heap (-Xmx)",
              FULL_RETRY_DELAY));
    }
    entries.add(new Entry(telemetry, handle, (int) size));
    return Consumer.ACCEPTED;
  }

  @Override
  public Entry take() throws InterruptedException {
    return taken(entries.take());
  }

  @Override
  public Entry poll(long nanos) throws InterruptedException {
    return taken(entries.poll(nanos));
  }

  private Entry taken(Entry entry) {
    if (entry != null && handOff) {
      room.release(entry.size());
    }
    return entry;
  }

  /** What is still queued, taken out, for counting as lost at shutdown. */
  List<Entry> drainRemaining() {
    List<Entry> rest = new ArrayList<>();
    entries.drainTo(rest);
    for (Entry entry : rest) {
      releaseHeap(entry);
    }
    return rest;
  }

  @Override
  public void done(Entry entry) {
    if (!handOff) {
      room.release(entry.size());
      releaseHeap(entry);
    }
  }

  private void releaseHeap(Entry entry) {
    if (heap != null) {
      heap.release(entry.telemetry().serializedSize());
    }
  }

  /** What the queue holds until done, in its sizer's unit. */
  @Override
  public int size() {
    return handOff ? entries.size() : capacity - room.availablePermits();
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
  public void wake() {
    entries.wake();
  }

  @Override
  public boolean closed() {
    return entries.closed();
  }

  @Override
  public void close() {
    entries.close();
  }
}
