package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LibraryDefaultsTest {

  private static final String NETTY_JFR = "io.netty.jfr.enabled";
  private static final String LEAK_LEVEL = "io.netty.leakDetection.level";
  private static final String OLD_LEAK_LEVEL = "io.netty.leakDetectionLevel";

  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void remember() {
    for (String name : List.of(NETTY_JFR, LEAK_LEVEL, OLD_LEAK_LEVEL)) {
      before.put(name, System.getProperty(name));
      System.clearProperty(name);
    }
  }

  @AfterEach
  void restore() {
    before.forEach(
        (name, value) -> {
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
  }

  @Test
  void nettysFlightRecorderEventsAndLeakDetectorAreOffByDefault() {
    LibraryDefaults.apply();

    assertThat(System.getProperty(NETTY_JFR)).isEqualTo("false");
    assertThat(System.getProperty(LEAK_LEVEL)).isEqualTo("disabled");
  }

  @Test
  void theCommandLineWins() {
    System.setProperty(NETTY_JFR, "true");
    System.setProperty(LEAK_LEVEL, "paranoid");

    LibraryDefaults.apply();

    assertThat(System.getProperty(NETTY_JFR)).isEqualTo("true");
    assertThat(System.getProperty(LEAK_LEVEL)).isEqualTo("paranoid");
  }

  @Test
  void theLeakDetectorsOlderPropertyNameCountsAsSet() {
    System.setProperty(OLD_LEAK_LEVEL, "simple");

    LibraryDefaults.apply();

    assertThat(System.getProperty(LEAK_LEVEL)).isNull(); // Netty reads the older name then
    assertThat(System.getProperty(OLD_LEAK_LEVEL)).isEqualTo("simple");
  }
}
