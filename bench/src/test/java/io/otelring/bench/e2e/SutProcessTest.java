package io.otelring.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SutProcessTest {

  @Test
  void freePortsAreNeverHandedOutTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(ports.add(SutProcess.freePort())).as("port %d handed out twice", i).isTrue();
    }
  }
}
