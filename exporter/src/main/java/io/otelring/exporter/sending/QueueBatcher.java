package io.otelring.exporter.sending;

import io.otelring.core.batching.ItemLedger;
import io.otelring.core.batching.PendingBatch;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sending_queue.batch}, Go's exporterhelper batching: one thread takes what the queue holds
 * and merges it, per signal and partition, into a pending batch; a batch that reaches {@code
 * min_size} is sent at once (cut at {@code max_size}), the rest when {@code flush_timeout} has
 * passed since that batch began. Sends run on {@code num_consumers} sender threads; when all are
 * busy the batcher waits for one, and the queue fills behind it. A queued request is {@linkplain
 * SendingQueue#done done} — its room freed, its {@code wait_for_result} answered, its record
 * deleted from a persistent queue — once every batch that carried a part of it was sent or failed.
 */
final class QueueBatcher {

  /** What the exporter does with a batch. */
  interface Sender {
    /** Sends it, with the exporter's splitting and retries, on a sender thread. */
    Sent send(Telemetry batch);

    /** Gives it up unsent: the exporter stopped and no sender is left to take it. */
    Sent abandon(Telemetry batch);
  }

  /**
   * How a batch's sending ended.
   *
   * @param failure why some of it was not sent, or null
   * @param stopped the exporter stopped before it was sent, and the queue keeps it for later
   */
  record Sent(Refusal failure, boolean stopped) {}

  /** Called once per queued request, when all of its parts were dealt with. */
  @FunctionalInterface
  interface Finish {
    void finish(SendingQueue.Entry entry, Sent how);
  }

  private final SendingQueue queue;
  private final QueueBatchConfig config;
  private final Sizer sizer;
  private final long timeoutNanos;
  private final List<String> keys;
  private final Sender sender;
  private final Finish finish;
  private final Semaphore freeSenders;
  private final ExecutorService senders;
  private final Thread thread;
  // Touched by the batcher's thread only.
  private final Map<PartitionKey, Partition> partitions = new LinkedHashMap<>();
  private volatile boolean flushEverything;

  QueueBatcher(
      String name,
      SendingQueue queue,
      QueueBatchConfig config,
      int senderCount,
      Sender sender,
      Finish finish) {
    this.queue = queue;
    this.config = config;
    this.sizer = Sizer.parse(config.sizer());
    this.timeoutNanos = config.flushTimeout().toNanos();
    this.keys =
        config.partition().metadataKeys().stream()
            .map(key -> key.toLowerCase(Locale.ROOT))
            .sorted()
            .toList();
    this.sender = sender;
    this.finish = finish;
    this.freeSenders = new Semaphore(senderCount);
    AtomicInteger count = new AtomicInteger();
    this.senders =
        Executors.newFixedThreadPool(
            senderCount,
            runnable -> {
              Thread worker = new Thread(runnable, name + "-" + count.incrementAndGet());
              worker.setDaemon(true);
              return worker;
            });
    this.thread = new Thread(this::run, name + "-batcher");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Sends what is pending now, and from here on everything as soon as it is taken. */
  void flushEverything() {
    flushEverything = true;
    queue.wake();
  }

  /**
   * After the queue was closed: waits for the batcher to hand over its last batches and for the
   * sends to end.
   *
   * @return true when everything ended within {@code millis}
   */
  boolean awaitStop(long millis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    thread.join(Math.max(1, millis));
    senders.shutdown();
    return senders.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void run() {
    while (true) {
      SendingQueue.Entry entry;
      try {
        long wait =
            flushEverything
                ? (anyPending() ? 0 : Long.MAX_VALUE) // take what waits first, as Go drains
                : nanosToEarliestDeadline(System.nanoTime());
        entry = wait == Long.MAX_VALUE ? queue.take() : queue.poll(wait);
      } catch (InterruptedException e) {
        // Nothing interrupts the batcher; should something, it stops, as at a process's end.
        Thread.currentThread().interrupt();
        return;
      }
      if (entry != null) {
        add(entry);
      } else if (queue.closed()) {
        flushDue(Long.MAX_VALUE, true);
        return;
      }
      if (entry == null || !flushEverything) {
        flushDue(System.nanoTime(), flushEverything);
      }
    }
  }

  private void add(SendingQueue.Entry entry) {
    Telemetry telemetry = entry.telemetry();
    if (telemetry.itemCount() == 0) {
      finish.finish(entry, new Sent(null, false)); // nothing to send, as Go drops it
      return;
    }
    Partition partition = partitionFor(telemetry.signal(), telemetry.metadata());
    if (partition.batch.itemCount() == 0) {
      partition.deadline = System.nanoTime() + timeoutNanos;
    }
    partition.batch.add(telemetry);
    partition.bytes += telemetry.serializedSize();
    partition.carried.add(new Carried(entry), telemetry.itemCount());
    sendWhileFull(partition);
  }

  private void sendWhileFull(Partition partition) {
    boolean sent = false;
    if (sizer == Sizer.ITEMS) {
      while (partition.batch.itemCount() > 0 && partition.batch.itemCount() >= config.minSize()) {
        send(partition, partition.batch.take(maxItems(), partition.metadata));
        sent = true;
      }
    } else if (partition.batch.itemCount() > 0 && partition.bytes >= config.minSize()) {
      List<Telemetry> parts = cutByBytes(partition.batch.take(0, partition.metadata));
      Telemetry last = parts.get(parts.size() - 1);
      partition.bytes = 0;
      if (last.serializedSize() < config.minSize()) {
        parts = parts.subList(0, parts.size() - 1);
        partition.batch.add(last); // the rest waits for more, as Go keeps it as the current batch
        partition.bytes = last.serializedSize();
      }
      parts.forEach(part -> send(partition, part));
      sent = !parts.isEmpty();
    }
    if (sent && partition.batch.itemCount() > 0) {
      partition.deadline = System.nanoTime() + timeoutNanos;
    }
  }

  /** Sends every partition whose batch is due at {@code now}, or all of them. */
  private void flushDue(long now, boolean all) {
    for (Iterator<Partition> it = partitions.values().iterator(); it.hasNext(); ) {
      Partition partition = it.next();
      if (partition.batch.itemCount() > 0 && (all || now - partition.deadline >= 0)) {
        if (sizer == Sizer.BYTES) {
          cutByBytes(partition.batch.take(0, partition.metadata)).forEach(p -> send(partition, p));
          partition.bytes = 0;
        }
        while (partition.batch.itemCount() > 0) {
          send(partition, partition.batch.take(maxItems(), partition.metadata));
        }
      }
      if (partition.batch.itemCount() == 0) {
        it.remove(); // an idle partition costs nothing to make again
      }
    }
  }

  private boolean anyPending() {
    for (Partition partition : partitions.values()) {
      if (partition.batch.itemCount() > 0) {
        return true;
      }
    }
    return false;
  }

  private long nanosToEarliestDeadline(long now) {
    long earliest = Long.MAX_VALUE;
    for (Partition partition : partitions.values()) {
      if (partition.batch.itemCount() > 0) {
        earliest = Math.min(earliest, Math.max(0, partition.deadline - now));
      }
    }
    return earliest;
  }

  private int maxItems() {
    return (int) Math.min(Integer.MAX_VALUE, config.maxSize());
  }

  private List<Telemetry> cutByBytes(Telemetry batch) {
    return config.maxSize() > 0 ? RequestSplitter.split(batch, config.maxSize()) : List.of(batch);
  }

  /** Hands a batch to a free sender, waiting for one; its requests are settled when it is sent. */
  private void send(Partition partition, Telemetry batch) {
    List<ItemLedger.Share<Carried>> carried = partition.carried.take(batch.itemCount());
    freeSenders.acquireUninterruptibly();
    try {
      senders.execute(
          () -> {
            Sent how;
            try {
              how = sender.send(batch);
            } catch (RuntimeException e) {
              how = new Sent(Refusal.of(e), false);
            } catch (Error e) {
              // Settled all the same: an unsettled batch would hold its queue room for good.
              how = new Sent(Refusal.permanent("the exporter failed: " + e, e), false);
            } finally {
              freeSenders.release();
            }
            settle(carried, how);
          });
    } catch (RejectedExecutionException e) {
      freeSenders.release(); // the shutdown's deadline passed while this batch waited for a sender
      settle(carried, sender.abandon(batch));
    }
  }

  private void settle(List<ItemLedger.Share<Carried>> carried, Sent how) {
    for (ItemLedger.Share<Carried> share : carried) {
      share.request().settle(share, how, finish);
    }
  }

  private Partition partitionFor(Signal signal, ClientMetadata metadata) {
    List<List<String>> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(metadata.get(key));
    }
    return partitions.computeIfAbsent(new PartitionKey(signal, values), this::newPartition);
  }

  /** A batch carries only the partition's keys, as Go merges only those into its context. */
  private Partition newPartition(PartitionKey key) {
    Map<String, List<String>> carried = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!key.values().get(i).isEmpty()) {
        carried.put(keys.get(i), key.values().get(i));
      }
    }
    return new Partition(PendingBatch.of(key.signal()), ClientMetadata.of(carried));
  }

  /** A signal and the values of the partition's metadata keys (empty lists: absent). */
  private record PartitionKey(Signal signal, List<List<String>> values) {}

  /** One partition's pending batch and the queued requests its items came from, in order. */
  private static final class Partition {
    final PendingBatch<?> batch;
    final ClientMetadata metadata;
    final ItemLedger<Carried> carried = new ItemLedger<>();
    long bytes;
    long deadline;

    Partition(PendingBatch<?> batch, ClientMetadata metadata) {
      this.batch = batch;
      this.metadata = metadata;
    }
  }

  /** A queued request and how the batches carrying its parts went. */
  private static final class Carried {
    private final SendingQueue.Entry entry;
    private Refusal failure;
    private boolean stopped;

    Carried(SendingQueue.Entry entry) {
      this.entry = entry;
    }

    /** Notes how one batch went; answers the request when it was the last of its batches. */
    void settle(ItemLedger.Share<Carried> share, Sent how, Finish finish) {
      synchronized (this) {
        if (failure == null) {
          failure = how.failure();
        }
        stopped |= how.stopped();
      }
      // Read after the share is settled: every other batch noted its outcome before settling.
      if (share.settle()) {
        Sent result;
        synchronized (this) {
          result = new Sent(failure, stopped);
        }
        finish.finish(entry, result);
      }
    }
  }
}
