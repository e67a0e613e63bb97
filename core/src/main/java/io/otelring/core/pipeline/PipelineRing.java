package io.otelring.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ThrottledLog;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline's Disruptor ring. Receivers publish into it without blocking; a single consumer
 * thread runs the processor chain, so processors need no locks; timer ticks arrive as events on the
 * same thread, at a fixed rate or when a processor asks for one ({@link
 * Processor#nanosToNextTick}). A full ring is a retryable refusal with a delay, never a wait and
 * never a drop.
 *
 * <p>When the chain is {@linkplain Consumer#durable() durable} (every exporter has a persistent
 * queue), the receiver's stage travels in the slot and completes from the chain's stage, so that an
 * OK means the data is on disk; otherwise it completes at publish.
 */
final class PipelineRing implements Consumer {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRing.class);

  /** A pre-allocated slot: either telemetry or a tick. Cleared after use. */
  static final class Slot {
    Telemetry telemetry;
    CompletableFuture<Void> acceptance;
    boolean tick;
  }

  private static final EventTranslatorOneArg<Slot, Telemetry> PUBLISH_TELEMETRY =
      (slot, sequence, telemetry) -> {
        slot.telemetry = telemetry;
        slot.acceptance = null;
        slot.tick = false;
      };

  private static final EventTranslatorTwoArg<Slot, Telemetry, CompletableFuture<Void>>
      PUBLISH_DURABLE =
          (slot, sequence, telemetry, acceptance) -> {
            slot.telemetry = telemetry;
            slot.acceptance = acceptance;
            slot.tick = false;
          };

  private static final EventTranslator<Slot> PUBLISH_TICK =
      (slot, sequence) -> {
        slot.telemetry = null;
        slot.acceptance = null;
        slot.tick = true;
      };

  private final String pipelineId;
  private final Disruptor<Slot> disruptor;
  private final RingBuffer<Slot> ring;
  private final List<Processor> processors;
  private final Duration retryDelay;
  private final Counter full;
  private final Counter downstreamFailures;
  private final ThrottledLog failureLog;
  private final boolean durable;
  private final Handler handler;
  private final CountDownLatch running = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private volatile boolean accepting;
  // Ring thread only: whether a one-shot tick asked of the timer has not arrived yet, and its time.
  private boolean tickAsked;
  private long tickAskedFor;

  PipelineRing(
      String pipelineId,
      int size,
      Duration retryDelay,
      List<Processor> processors,
      Consumer first,
      MeterRegistry meters,
      ScheduledExecutorService timer) {
    this.pipelineId = pipelineId;
    this.timer = timer;
    this.processors = processors;
    this.retryDelay = retryDelay;
    this.durable = first.durable();
    this.failureLog = new ThrottledLog(LOG, Duration.ofSeconds(10));
    this.full =
        Counter.builder("otelring_ring_full_refusals").tag("pipeline", pipelineId).register(meters);
    this.downstreamFailures =
        Counter.builder("otelring_pipeline_failed_items")
            .tag("pipeline", pipelineId)
            .register(meters);
    // A blocking wait strategy: on a two-core machine a spinning consumer would take a core from
    // the receivers even when idle.
    this.disruptor =
        new Disruptor<>(
            Slot::new,
            size,
            threadFactory(pipelineId),
            ProducerType.MULTI,
            new BlockingWaitStrategy());
    this.handler = new Handler(first);
    this.disruptor.handleEventsWith(handler);
    this.disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
    this.ring = disruptor.getRingBuffer();
    Gauge.builder("otelring_ring_used_slots", ring, r -> r.getBufferSize() - r.remainingCapacity())
        .tag("pipeline", pipelineId)
        .register(meters);
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    CompletionStage<Void> answer = tryConsume(telemetry);
    return answer != null ? answer : refuseFull();
  }

  /** Whether the ring answers only once its chain holds the data durably. */
  boolean chainIsDurable() {
    return durable;
  }

  /** The answer to {@code telemetry}, or null when the ring is full. */
  CompletionStage<Void> tryConsume(Telemetry telemetry) {
    if (!accepting) {
      return Consumer.refuse(
          Refusal.retryable("pipeline " + pipelineId + " is not running", retryDelay));
    }
    Refusal refusal = admissionRefusal(telemetry);
    if (refusal != null) {
      return Consumer.refuse(refusal);
    }
    if (durable) {
      CompletableFuture<Void> acceptance = new CompletableFuture<>();
      if (ring.tryPublishEvent(PUBLISH_DURABLE, telemetry, acceptance)) {
        return acceptance;
      }
    } else if (ring.tryPublishEvent(PUBLISH_TELEMETRY, telemetry)) {
      return ACCEPTED;
    }
    return null;
  }

  /** A full ring's answer: retryable after the ring's delay, and counted. */
  CompletionStage<Void> refuseFull() {
    full.increment();
    return Consumer.refuse(
        Refusal.retryable("pipeline " + pipelineId + " is full, retry later", retryDelay));
  }

  /**
   * The first refusal of a processor that does not admit this telemetry (memory pressure), asked
   * before publishing because the ring acknowledges what it holds; null when all admit it.
   */
  private Refusal admissionRefusal(Telemetry telemetry) {
    for (Processor processor : processors) {
      Optional<Refusal> refusal = processor.admit(telemetry);
      if (refusal.isPresent()) {
        return refusal.get();
      }
    }
    return null;
  }

  /** Asks for a tick on the ring thread; skipped when the ring is full (it is busy anyway). */
  void tick() {
    ring.tryPublishEvent(PUBLISH_TICK);
  }

  /**
   * Starts the ring thread and returns once it runs. Disruptor's shutdown only waits for consumers
   * that are running, so a ring whose thread had not started yet would otherwise be "drained" with
   * its data still in the slots.
   */
  void start() {
    disruptor.start();
    try {
      if (!running.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pipeline " + pipelineId + ": ring thread did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting pipeline " + pipelineId, e);
    }
    accepting = true;
  }

  /** Stops taking data and processes what the ring holds, by the deadline. */
  void drain(Duration deadline) {
    accepting = false;
    try {
      disruptor.shutdown(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      disruptor.halt();
      answerLeftovers(deadline);
    }
  }

  /**
   * After a drain ran out of time: every client still waiting on a slot the ring did not finish
   * gets a retryable refusal instead of no answer; data already acknowledged is counted as failed.
   * The slot being handled when the ring halted is included: its client may then send it again
   * although it reaches the exporter — a duplicate, never a loss.
   */
  private void answerLeftovers(Duration deadline) {
    Refusal stopping =
        Refusal.retryable(
            "pipeline " + pipelineId + " stopped before handling the data", retryDelay);
    int refused = 0;
    long lost = 0;
    for (long sequence = disruptor.getSequenceValueFor(handler) + 1;
        sequence <= ring.getCursor();
        sequence++) {
      if (!ring.isAvailable(sequence)) {
        continue;
      }
      Slot slot = ring.get(sequence);
      Telemetry telemetry = slot.telemetry;
      CompletableFuture<Void> acceptance = slot.acceptance;
      if (acceptance != null) {
        refused += acceptance.completeExceptionally(stopping) ? 1 : 0;
      } else if (telemetry != null) {
        lost += telemetry.itemCount();
      }
    }
    downstreamFailures.increment(lost);
    LOG.warn(
        "pipeline {}: ring not drained within {}; {} waiting requests refused, {} acknowledged items"
            + " not handled",
        pipelineId,
        deadline,
        refused,
        lost);
  }

  private final class Handler implements EventHandler<Slot> {
    private final Consumer first;

    Handler(Consumer first) {
      this.first = first;
    }

    @Override
    public void onStart() {
      running.countDown();
    }

    @Override
    public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
      boolean tick = slot.tick;
      try {
        if (tick) {
          tickAll(System.nanoTime());
        } else {
          Telemetry telemetry = slot.telemetry;
          CompletableFuture<Void> acceptance = slot.acceptance;
          CompletionStage<Void> stage;
          try {
            stage = first.consume(telemetry);
          } catch (RuntimeException e) {
            if (acceptance != null) {
              acceptance.completeExceptionally(Refusal.of(e));
            }
            throw e;
          }
          stage.whenComplete(
              (ok, failure) -> {
                if (acceptance != null) {
                  // The client has not been answered yet: the refusal goes back to it.
                  if (failure == null) {
                    acceptance.complete(null);
                  } else {
                    acceptance.completeExceptionally(Refusal.of(failure));
                  }
                } else if (failure != null) {
                  downstreamFailures.increment(telemetry.itemCount());
                  failureLog.warn(
                      "pipeline {}: {} {} lost after the ring: {}",
                      pipelineId,
                      telemetry.itemCount(),
                      telemetry.signal().itemNoun(),
                      Refusal.of(failure).getMessage());
                }
              });
        }
      } finally {
        slot.telemetry = null;
        slot.acceptance = null;
        slot.tick = false;
      }
      askForNextTick(tick);
    }
  }

  private void tickAll(long now) {
    for (Processor processor : processors) {
      processor.onTick(now);
    }
  }

  /**
   * After each event: runs the ticks the processors want now (the ring is awake anyway) and asks
   * the timer for one tick at the earliest time they want one, unless one is already on its way for
   * that time or sooner. A tick lost to a full ring is noticed once its time has passed.
   */
  private void askForNextTick(boolean tickArrived) {
    long now = System.nanoTime();
    if (tickArrived || (tickAsked && tickAskedFor - now <= 0)) {
      tickAsked = false;
    }
    long delay = nanosToNextTick(now);
    if (delay <= 0) {
      tickAll(now);
      delay = nanosToNextTick(now);
    }
    if (delay == Long.MAX_VALUE || (tickAsked && tickAskedFor - (now + delay) <= 0)) {
      return;
    }
    try {
      timer.schedule(this::tick, Math.max(delay, 0), TimeUnit.NANOSECONDS);
      tickAsked = true;
      tickAskedFor = now + delay;
    } catch (RejectedExecutionException stopping) {
      // The collector is shutting down; the processors' shutdown sends what they hold.
    }
  }

  private long nanosToNextTick(long now) {
    long soonest = Long.MAX_VALUE;
    for (Processor processor : processors) {
      soonest = Math.min(soonest, processor.nanosToNextTick(now));
    }
    return soonest;
  }

  /** Logs and counts a component's exception and keeps the ring thread alive. */
  private final class LoggingExceptionHandler implements ExceptionHandler<Slot> {
    @Override
    public void handleEventException(Throwable failure, long sequence, Slot slot) {
      Telemetry telemetry = slot.telemetry;
      if (telemetry != null) {
        downstreamFailures.increment(telemetry.itemCount());
      }
      failureLog.error(
          "pipeline {}: a processor threw: {}", pipelineId, failure.toString(), failure);
      slot.telemetry = null;
    }

    @Override
    public void handleOnStartException(Throwable failure) {
      LOG.error("pipeline {}: ring failed to start", pipelineId, failure);
    }

    @Override
    public void handleOnShutdownException(Throwable failure) {
      LOG.error("pipeline {}: ring failed to stop", pipelineId, failure);
    }
  }

  private static ThreadFactory threadFactory(String pipelineId) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ring-" + pipelineId + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
