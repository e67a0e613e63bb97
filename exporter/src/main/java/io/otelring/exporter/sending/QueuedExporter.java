package io.otelring.exporter.sending;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Exporter;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * An exporter made of the shared wrappers around a {@link Push}: {@code consume} only enqueues (the
 * ring thread never waits on the network), {@code num_consumers} workers take batches, split those
 * over {@code max_request_size}, and send each part with retries and the per-attempt timeout. With
 * {@code sending_queue.batch} a {@link QueueBatcher} takes from the queue instead and hands merged
 * batches to as many senders. With {@code sending_queue.storage} the queue is persistent and the
 * exporter is {@linkplain #durable() durable}: its stage completes once the batch is on disk. With
 * the queue disabled, a batch is handed to a free worker and its stage completes when it was sent,
 * as Go sends in the caller.
 */
public final class QueuedExporter implements Exporter {

  private final ComponentSettings settings;
  private final Logger logger;
  private final QueueConfig queueConfig;
  private final Push push;
  private final long maxRequestBytes;
  private final String description;
  private final QueueStorage storage;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final RetrySender retry;
  private final DeliveryLog deliveries;
  private final List<Thread> workers = new ArrayList<>();
  private QueueBatcher batcher;
  private volatile SendingQueue queue;
  private volatile boolean running;
  private boolean stopped;

  private QueuedExporter(
      ComponentSettings settings,
      QueueConfig queueConfig,
      RetryConfig retryConfig,
      Duration timeout,
      long maxRequestBytes,
      Push push,
      QueueStorage storage,
      String description) {
    this.settings = settings;
    this.logger = settings.logger();
    this.queueConfig = queueConfig;
    this.push = push;
    this.maxRequestBytes = maxRequestBytes;
    this.storage = storage;
    this.description = description;
    this.retry = new RetrySender(retryConfig, push, timeout, stopping);
    this.deliveries = new DeliveryLog(logger);
  }

  /**
   * Wraps a push in the queue, retry and timeout of the config.
   *
   * @param description what the exporter sends to, for its start line (never headers)
   * @throws IllegalArgumentException when {@code storage} names no storage extension
   */
  public static QueuedExporter create(
      ComponentSettings settings,
      Host host,
      QueueConfig queue,
      RetryConfig retry,
      Duration timeout,
      long maxRequestBytes,
      Push push,
      String description) {
    QueueStorage storage = null;
    if (queue.persistent()) {
      ComponentId id = ComponentId.parse(queue.storage());
      Extension extension =
          host.extension(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "storage extension \"" + id + "\" not found in service::extensions"));
      if (!(extension instanceof QueueStorage found)) {
        throw new IllegalArgumentException("extension \"" + id + "\" is not a storage extension");
      }
      storage = found;
    }
    return new QueuedExporter(
        settings, queue, retry, timeout, maxRequestBytes, push, storage, description);
  }

  @Override
  public boolean durable() {
    return queueConfig.persistent();
  }

  @Override
  public boolean countsSends() {
    return true;
  }

  @Override
  public void start() throws Exception {
    push.start();
    if (!queueConfig.enabled()) {
      queue = MemoryQueue.handOff(queueConfig.numConsumers());
    } else if (storage != null) {
      String name = "exporter_" + settings.id().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
      queue =
          new PersistentQueue(
              storage.open(name), queueConfig.queueSize(), queueConfig.blockOnOverflow(), logger);
    } else {
      queue =
          new MemoryQueue(
              queueConfig.queueSize(), queueConfig.blockOnOverflow(), queueConfig.queueSizer());
    }
    deliveries.metrics(new ExporterMetrics(settings.meters(), settings.id(), queue));
    String threads = "exporter-" + settings.id();
    if (queueConfig.batching()) {
      batcher =
          new QueueBatcher(
              threads,
              queue,
              queueConfig.batch(),
              queueConfig.numConsumers(),
              new QueueBatcher.Sender() {
                @Override
                public QueueBatcher.Sent send(Telemetry batch) {
                  return sendBatch(batch);
                }

                @Override
                public QueueBatcher.Sent abandon(Telemetry batch) {
                  return stoppedBefore(batch, null);
                }
              },
              this::finish);
      batcher.start();
    } else {
      for (int i = 0; i < queueConfig.numConsumers(); i++) {
        Thread worker = new Thread(this::work, threads + "-" + (i + 1));
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
    }
    running = true;
    logger.info("Started exporting to {}; sending queue {}", description, queueConfig.describe());
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    SendingQueue current = queue;
    if (!running || current == null) {
      return Consumer.refuse(
          Refusal.retryable(
              "exporter " + settings.id() + " is not running", MemoryQueue.FULL_RETRY_DELAY));
    }
    CompletionStage<Void> stage;
    CompletableFuture<Void> result = null;
    if (!queueConfig.enabled() || queueConfig.waitForResult()) {
      result = new CompletableFuture<>();
      stage = ((MemoryQueue) current).offer(telemetry, result);
    } else {
      stage = current.offer(telemetry);
    }
    CompletableFuture<Void> sent = result;
    return stage
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                deliveries.enqueueFailed(telemetry, failure);
              }
            })
        .thenCompose(ok -> sent == null ? ACCEPTED : sent);
  }

  private void work() {
    try {
      SendingQueue.Entry entry;
      while ((entry = queue.take()) != null) {
        try {
          deliver(entry);
        } catch (RuntimeException | Error e) {
          // A bug past the retry sender's own catch: the batch fails and is counted, and the
          // worker goes on; a worker that died would leave the queue with one consumer fewer.
          logger.error("Exporting failed unexpectedly", e);
          Refusal failure = Refusal.of(e);
          deliveries.record(entry.telemetry(), RetrySender.Outcome.failed(failure));
          finish(entry, new QueueBatcher.Sent(failure, false));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(SendingQueue.Entry entry) {
    finish(entry, sendBatch(entry.telemetry()));
  }

  /** Sends a batch in parts of at most {@code max_request_size}, each with retries. */
  private QueueBatcher.Sent sendBatch(Telemetry batch) {
    Refusal failure = null;
    for (Telemetry part : RequestSplitter.split(batch, maxRequestBytes)) {
      RetrySender.Outcome outcome = retry.send(part);
      if (outcome.stopped()) {
        if (queue.durable()) {
          return stoppedBefore(part, failure);
        }
        outcome = stopped();
      }
      deliveries.record(part, outcome);
      if (outcome.failure() != null && failure == null) {
        failure = outcome.failure();
      }
    }
    return new QueueBatcher.Sent(failure, false);
  }

  /** The exporter stopped before {@code batch} was sent; a persistent queue keeps it. */
  private QueueBatcher.Sent stoppedBefore(Telemetry batch, Refusal earlierFailure) {
    if (queue.durable()) {
      return new QueueBatcher.Sent(earlierFailure, true); // kept on disk, sent after the restart
    }
    RetrySender.Outcome stopped = stopped();
    deliveries.record(batch, stopped);
    return new QueueBatcher.Sent(
        earlierFailure == null ? stopped.failure() : earlierFailure, false);
  }

  private static RetrySender.Outcome stopped() {
    return RetrySender.Outcome.failed(Refusal.retryable("the exporter stopped", null));
  }

  /** A queued request was dealt with: it leaves the queue and its sender hears how it went. */
  private void finish(SendingQueue.Entry entry, QueueBatcher.Sent how) {
    if (how.stopped() && queue.durable()) {
      return; // kept on disk, sent after the restart
    }
    queue.done(entry);
    if (entry.handle() instanceof CompletableFuture<?> result) {
      if (how.failure() == null) {
        result.complete(null);
      } else {
        result.completeExceptionally(how.failure());
      }
    }
  }

  /**
   * Stops taking data. An in-memory queue is drained for half the deadline; then retries stop, and
   * what is left is counted as failed. A persistent queue keeps what is left for the next run.
   */
  @Override
  public synchronized void shutdown(Duration deadline) throws Exception {
    if (stopped) {
      return;
    }
    stopped = true;
    running = false;
    long end = System.nanoTime() + deadline.toNanos();
    SendingQueue current = queue;
    if (batcher != null) {
      batcher.flushEverything(); // as Go's batcher sends its current batch at shutdown
    }
    if (current != null && !current.durable()) {
      long drainEnd = System.nanoTime() + deadline.toNanos() / 2;
      while (current.size() > 0 && System.nanoTime() - drainEnd < 0) {
        LockSupport.parkNanos(10_000_000);
      }
    }
    stopping.countDown();
    if (current != null) {
      current.close();
    }
    for (Thread worker : workers) {
      worker.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      if (worker.isAlive()) {
        worker.interrupt();
      }
    }
    if (batcher != null) {
      batcher.awaitStop(Math.max(1, (end - System.nanoTime()) / 1_000_000));
    }
    if (current instanceof MemoryQueue memory) {
      for (SendingQueue.Entry left : memory.drainRemaining()) {
        deliveries.record(left.telemetry(), stopped());
      }
    }
    push.shutdown(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    if (current instanceof PersistentQueue persistent) {
      persistent.closeLog();
    }
    logger.info("Stopped exporting to {}", description);
  }
}
