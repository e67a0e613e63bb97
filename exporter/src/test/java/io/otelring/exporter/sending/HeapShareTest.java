package io.otelring.exporter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.Requests;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sending queues' share of the heap: what a queue may hold in bytes, whatever its sizer. */
class HeapShareTest {

  private static final Telemetry REQUEST = Telemetry.traces(Requests.spans("s", 10));
  private static final int BYTES = REQUEST.serializedSize();

  private static CompletableFuture<Void> offer(MemoryQueue queue) {
    return queue.offer(REQUEST).toCompletableFuture();
  }

  private static Refusal refusal(CompletableFuture<Void> offered) {
    assertThat(offered).isCompletedExceptionally();
    try {
      offered.join();
      throw new AssertionError("accepted");
    } catch (CompletionException e) {
      return Refusal.of(e);
    }
  }

  @Test
  void aQueueWithRoomLeftRefusesRetryablyWhatWouldPassTheShare() throws Exception {
    HeapShare share = new HeapShare(2L * BYTES);
    MemoryQueue queue = new MemoryQueue(1000, false, Sizer.REQUESTS, share);

    assertThat(offer(queue)).isCompletedWithValue(null);
    assertThat(offer(queue)).isCompletedWithValue(null);
    Refusal refused = refusal(offer(queue));

    assertThat(refused.isRetryable()).isTrue();
    assertThat(refused.getMessage())
        .startsWith("sending queue is full: the in-memory sending queues already hold");
    assertThat(queue.size()).isEqualTo(2); // the refused request took no room
    assertThat(share.held()).isEqualTo(2L * BYTES);

    queue.done(queue.take());
    assertThat(share.held()).isEqualTo(BYTES);
    assertThat(offer(queue)).isCompletedWithValue(null);
  }

  @Test
  void theShareIsOneForEveryQueueOfTheProcess() {
    HeapShare share = new HeapShare(2L * BYTES);
    MemoryQueue tempo = new MemoryQueue(1000, false, Sizer.ITEMS, share);
    MemoryQueue other = new MemoryQueue(1000, false, Sizer.BYTES, share);

    assertThat(offer(tempo)).isCompletedWithValue(null);
    assertThat(offer(other)).isCompletedWithValue(null);

    assertThat(refusal(offer(tempo)).isRetryable()).isTrue();
    assertThat(refusal(offer(other)).isRetryable()).isTrue();
  }

  @Test
  void aRequestLargerThanTheWholeShareStillGoesInAlone() {
    HeapShare share = new HeapShare(BYTES / 2);
    MemoryQueue queue = new MemoryQueue(1000, false, Sizer.REQUESTS, share);

    assertThat(offer(queue)).isCompletedWithValue(null);
    assertThat(refusal(offer(queue)).isRetryable()).isTrue();
  }

  @Test
  void withBlockOnOverflowAnOfferWaitsForTheShareInsteadOfRefusing() throws Exception {
    HeapShare share = new HeapShare(BYTES);
    MemoryQueue queue = new MemoryQueue(1000, true, Sizer.REQUESTS, share);
    assertThat(offer(queue)).isCompletedWithValue(null);

    CompletableFuture<CompletableFuture<Void>> second =
        CompletableFuture.supplyAsync(() -> offer(queue));
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !second.isDone());

    queue.done(queue.take());
    assertThat(second.get(5, TimeUnit.SECONDS)).isCompletedWithValue(null);
    assertThat(share.held()).isEqualTo(BYTES);
  }

  @Test
  void whatIsLeftAtShutdownGivesItsShareBack() {
    HeapShare share = new HeapShare(10L * BYTES);
    MemoryQueue queue = new MemoryQueue(1000, false, Sizer.REQUESTS, share);
    offer(queue);
    offer(queue);

    assertThat(queue.drainRemaining()).hasSize(2);
    assertThat(share.held()).isZero();
  }
}
