package io.otelring.bench.loadgen;

import io.otelring.bench.shape.PayloadPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Workers replaying a payload pool through a sender until the duration ends, the request budget is
 * spent, or {@link #stop()}. Each worker keeps one request in flight; with a rate, each paces its
 * share on a fixed schedule (a late worker catches up, up to one second's worth). With {@code
 * --retry}, a worker sends a refused request again until it is accepted or its deadline passes
 * before it takes the next one, as a blocking SDK exporter would; the end of the duration (or
 * {@link #stop()}) lets those retries finish, {@link #abort()} ends them.
 */
public final class LoadRun {

  private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LoadOptions options;
  private final PayloadPool pool;
  private final Sender sender;
  private final LoadStats stats = new LoadStats();
  private final AtomicLong budget;
  private final List<Thread> workers = new ArrayList<>();
  private final CountDownLatch aborted = new CountDownLatch(1);
  private volatile boolean stopped;
  private long deadline;

  public LoadRun(LoadOptions options, PayloadPool pool, Sender sender) {
    this.options = options;
    this.pool = pool;
    this.sender = sender;
    long requests = options.requestBudget();
    this.budget = new AtomicLong(requests < 0 ? Long.MAX_VALUE : requests);
  }

  /** Starts the workers. */
  public void start() {
    long now = System.nanoTime();
    deadline = options.duration() == null ? now : now + options.duration().toNanos();
    for (int i = 0; i < options.workers(); i++) {
      int index = i;
      Thread thread = new Thread(() -> work(index, now), "loadgen-worker-" + i);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    }
  }

  public LoadStats stats() {
    return stats;
  }

  /** Waits for the workers to finish on their own; true if they did within the wait. */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    for (Thread worker : workers) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedJoin(worker, left);
      if (worker.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /** Ends the retries' waits: a request still refused is given up. */
  public void abort() {
    aborted.countDown();
  }

  /**
   * Stops sending new requests and waits for those in flight to be answered (and, with retries,
   * accepted or given up).
   */
  public void stop() throws InterruptedException {
    stopped = true;
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private void work(int index, long start) {
    int items = pool.itemsPerRequest();
    long interval =
        options.rate() > 0 ? (long) (1e9 * options.workers() * items / options.rate()) : 0;
    // Workers start spread over one interval, so a paced load is smooth rather than in bursts.
    long next = start + interval * index / options.workers();
    long sequence = index;
    while (!stopped && budget.getAndDecrement() > 0) {
      if (interval > 0) {
        long now = System.nanoTime();
        if (next - now > 0) {
          LockSupport.parkNanos(next - now);
        } else if (now - next > MAX_CATCH_UP_NANOS) {
          next = now;
        }
        next += interval;
      }
      if (stopped || (options.duration() != null && System.nanoTime() - deadline >= 0)) {
        break;
      }
      byte[] body = pool.body(sequence);
      sequence += options.workers();
      long sent = System.nanoTime();
      Reply reply = sender.send(body);
      stats.record(reply, items, System.nanoTime() - sent);
      if (options.retry().enabled() && reply.outcome() != Reply.Outcome.ACCEPTED) {
        resendUntilAccepted(body, items, reply, sent);
      }
    }
  }

  /** Sends a refused request again, same payload, until accepted or given up. */
  private void resendUntilAccepted(byte[] body, int items, Reply reply, long firstSent) {
    RetrySchedule schedule =
        new RetrySchedule(options.retry(), firstSent, ThreadLocalRandom.current()::nextDouble);
    while (reply.outcome() != Reply.Outcome.ACCEPTED) {
      Duration wait =
          reply.retryable() ? schedule.next(reply.retryDelay(), System.nanoTime()) : null;
      if (wait == null || !pause(wait)) {
        stats.giveUp(items);
        return;
      }
      long sent = System.nanoTime();
      reply = sender.send(body);
      stats.recordRetry(reply, items, System.nanoTime() - sent);
    }
  }

  /** Waits before a retry; false when the run was aborted meanwhile. */
  private boolean pause(Duration wait) {
    try {
      return !aborted.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
