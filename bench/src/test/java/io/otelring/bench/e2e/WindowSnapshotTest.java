package io.otelring.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.bench.e2e.SutLauncher.DeliveredCount;
import io.otelring.bench.loadgen.LoadStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowSnapshotTest {

  @Test
  void theWindowsClockStartsAfterASlowDeliveredCountNotBeforeIt() throws Exception {
    AtomicLong answeredAt = new AtomicLong();
    DeliveredCount slowStatsPage =
        () -> {
          TimeUnit.MILLISECONDS.sleep(200);
          answeredAt.set(System.nanoTime());
          return 42;
        };

    WindowSnapshot snapshot =
        WindowSnapshot.take(slowStatsPage, ProcessHandle.current().pid(), new LoadStats());

    assertThat(snapshot.delivered()).isEqualTo(42);
    assertThat(snapshot.nanos()).isGreaterThanOrEqualTo(answeredAt.get());
    assertThat(snapshot.cpuSeconds()).isPositive();
    assertThat(snapshot.counts().acceptedItems()).isZero();
  }
}
