package io.otelring.collector.extension.zpages;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import org.junit.jupiter.api.Test;

class ZPagesConfigTest {

  private final ZPagesExtensionFactory factory = new ZPagesExtensionFactory();

  @Test
  void goKeysAndDefaults() {
    assertThat(ConfigFixtures.<ZPagesConfig>bind(factory, "{}").endpoint())
        .isEqualTo("localhost:55679");
    assertThat(
            ConfigFixtures.problems(
                factory, "{endpoint: '0.0.0.0:55679', expvar: {enabled: false}}"))
        .isEmpty();
  }

  @Test
  void anEmptyEndpointAndExpvarAreRefusedSayingWhy() {
    assertThat(ConfigFixtures.problems(factory, "{endpoint: ''}"))
        .containsExactly("endpoint: \"endpoint\" is required when using the \"zpages\" extension");
    assertThat(ConfigFixtures.problems(factory, "{expvar: {enabled: true}}"))
        .singleElement()
        .asString()
        .startsWith("expvar::enabled: expvar shows the Go runtime's variables");
  }
}
