package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LibraryDefaultsTest {

  private static final String NETTY_JFR = "io.netty.jfr.enabled";
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(NETTY_JFR);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NETTY_JFR);
    } else {
      System.setProperty(NETTY_JFR, before);
    }
  }

  @Test
  void nettysFlightRecorderEventsAreOffUnlessTheCommandLineSaysOtherwise() {
    System.clearProperty(NETTY_JFR);
    LibraryDefaults.apply();
    assertThat(System.getProperty(NETTY_JFR)).isEqualTo("false");

    System.setProperty(NETTY_JFR, "true");
    LibraryDefaults.apply();
    assertThat(System.getProperty(NETTY_JFR)).isEqualTo("true");
  }
}
