package io.otelring.receiver.nop;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import org.junit.jupiter.api.Test;

class NopReceiverTest {

  private final NopReceiverFactory factory = new NopReceiverFactory();

  @Test
  void itTakesNoSettings() {
    assertThat(ConfigFixtures.problems(factory, "{}")).isEmpty();
    assertThat(ConfigFixtures.problems(factory, "{endpoint: x}")).hasSize(1);
    assertThat(ConfigFixtures.problems(factory, "{endpoint: x}").get(0)).contains("endpoint");
  }
}
