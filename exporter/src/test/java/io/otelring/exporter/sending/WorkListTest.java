package io.otelring.exporter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkListTest {

  private final ExecutorService workers = Executors.newCachedThreadPool();

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void aWaitingWorkerGetsTheNextItemInOrder() throws Exception {
    WorkList<String> list = new WorkList<>();
    Future<String> first = workers.submit(list::take);
    assertThatThrownBy(() -> first.get(50, TimeUnit.MILLISECONDS))
        .as("nothing to take yet")
        .isInstanceOf(TimeoutException.class);

    list.add("a");
    list.add("b");

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(list.take()).isEqualTo("b");
    assertThat(list.size()).isZero();
  }

  @Test
  void closingWakesEveryWaitingWorkerAtOnce() throws Exception {
    WorkList<String> list = new WorkList<>();
    CountDownLatch started = new CountDownLatch(3);
    List<Future<String>> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(
          workers.submit(
              () -> {
                started.countDown();
                return list.take();
              }));
    }
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    long closedAt = System.nanoTime();
    list.close();

    for (Future<String> worker : waiting) {
      assertThat(worker.get(5, TimeUnit.SECONDS)).isNull();
    }
    // Woken, not timed out: well under the 100 ms a polling worker would take.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt)).isLessThan(1_000);
    assertThat(list.take()).as("a worker arriving later").isNull();
  }

  @Test
  void afterCloseNothingIsHandedOutAndWhatIsLeftCanBeDrained() throws Exception {
    WorkList<String> list = new WorkList<>();
    list.add("a");
    list.add("b");

    list.close();

    assertThat(list.take()).isNull();
    assertThat(list.size()).isEqualTo(2);
    List<String> left = new ArrayList<>();
    list.drainTo(left);
    assertThat(left).containsExactly("a", "b");
    assertThat(list.size()).isZero();
    assertThat(list.take()).as("still closed after draining").isNull();
  }
}
