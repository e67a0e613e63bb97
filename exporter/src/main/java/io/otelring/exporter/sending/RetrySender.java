package io.otelring.exporter.sending;

import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends one batch with retries: each attempt is the push with the configured timeout; a retryable
 * refusal waits (at least what the backend asked for) and tries again; a permanent refusal, a
 * disabled retry or a spent {@code max_elapsed_time} ends it. Waits end early when the exporter
 * stops. Whatever the push throws ends as an outcome: a worker thread must not die with its batch.
 */
final class RetrySender {

  /** How sending a batch ended: delivered, failed for good, or stopped by shutdown. */
  record Outcome(Push.Delivery delivery, Refusal failure, boolean stopped) {
    static Outcome delivered(Push.Delivery delivery) {
      return new Outcome(delivery, null, false);
    }

    static Outcome failed(Refusal failure) {
      return new Outcome(null, failure, false);
    }

    static final Outcome STOPPED = new Outcome(null, null, true);
  }

  private final RetryConfig config;
  private final Push push;
  private final Duration timeout;
  private final CountDownLatch stopping;

  RetrySender(RetryConfig config, Push push, Duration timeout, CountDownLatch stopping) {
    this.config = config;
    this.push = push;
    this.timeout = timeout;
    this.stopping = stopping;
  }

  Outcome send(Telemetry batch) {
    Backoff backoff =
        new Backoff(config, () -> ThreadLocalRandom.current().nextDouble(), System.nanoTime());
    while (true) {
      Refusal refusal;
      try {
        return Outcome.delivered(push.push(batch, timeout));
      } catch (Refusal r) {
        refusal = r;
      } catch (RuntimeException e) {
        refusal = Refusal.of(e);
      } catch (OutOfMemoryError e) {
        // Seen when a slow backend's calls held the transport's direct buffers up to
        // -XX:MaxDirectMemorySize: this attempt could not be framed, a later one may (the buffers
        // of calls that ended are freed meanwhile). Retried, as Go retries a failed send.
        refusal = Refusal.retryable("out of memory while sending: " + e.getMessage(), null);
      } catch (Error e) {
        // Any other error is the exporter's own fault (a missing class, a stack overflow): the
        // batch fails and is counted, and the worker lives on for the next.
        return Outcome.failed(Refusal.permanent("the exporter failed: " + e, e));
      }
      if (!refusal.isRetryable()) {
        return Outcome.failed(refusal);
      }
      if (!config.enabled()) {
        return Outcome.failed(refusal);
      }
      if (stopping.getCount() == 0) {
        return Outcome.STOPPED;
      }
      Duration wait = backoff.next(refusal.retryDelay().orElse(null), System.nanoTime());
      if (wait == null) {
        return Outcome.failed(
            Refusal.permanent("no more retries left: " + refusal.getMessage(), refusal));
      }
      try {
        if (stopping.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
          return Outcome.STOPPED;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.STOPPED;
      }
    }
  }
}
