package io.otelring.bench.e2e;

import io.otelring.bench.loadgen.Endpoint;
import io.otelring.bench.loadgen.GrpcSender;
import io.otelring.bench.loadgen.Reply;
import io.otelring.bench.wire.ProbeIds;
import io.otelring.bench.wire.WireItemCounter.ProbeListener;
import io.otelring.core.component.Signal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Receipt-to-export latency, measured with probe spans: a thread sends a one-span probe request to
 * the system now and then; the sink, in this process, tells when that span arrives. What is
 * measured is probe send → sink receipt: the collector's receipt to its export plus the two
 * loopback hops, on one monotonic clock.
 */
final class Probes implements ProbeListener {

  private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(3);
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private volatile Thread sender;
  private volatile boolean running;

  @Override
  public void probe(long number) {
    Long sent = sentAt.remove(number);
    if (sent != null) {
      latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent)));
    }
  }

  /** Starts sending a probe every {@code interval} to {@code port}. */
  void start(int port, Duration interval) {
    accepted.set(0);
    running = true;
    Thread thread =
        new Thread(
            () -> {
              try (GrpcSender grpc =
                  new GrpcSender(
                      Signal.TRACES,
                      new Endpoint("127.0.0.1", port, false),
                      Map.of(),
                      false,
                      Duration.ofSeconds(10))) {
                while (running) {
                  long number = sequence.incrementAndGet();
                  byte[] body = ProbeIds.request(number).toByteArray();
                  sentAt.put(number, System.nanoTime());
                  Reply reply = grpc.send(body);
                  if (reply.outcome() == Reply.Outcome.ACCEPTED) {
                    accepted.incrementAndGet();
                  } else {
                    sentAt.remove(number);
                  }
                  LockSupport.parkNanos(interval.toNanos());
                }
              }
            },
            "probe-sender");
    thread.setDaemon(true);
    sender = thread;
    thread.start();
  }

  /** Stops sending; returns the probe spans the system accepted since {@link #start}. */
  long stop() throws InterruptedException {
    Thread thread = sender;
    running = false;
    if (thread != null) {
      // Not interrupted: a probe in flight is answered, so the accepted count is exact.
      thread.join();
    }
    return accepted.get();
  }

  /** Latencies (µs) recorded since the last call. */
  Histogram take() {
    return latency.getIntervalHistogram();
  }
}
