package io.otelring.collector;

import java.util.List;

/**
 * System properties the collector sets for its libraries before they load, unless the command line
 * set them ({@code -Dname=value} wins). Each was chosen by measurement; the reason is beside it.
 * The bench jar's processes (load generator, baselines, harness) set the same, so that a baseline
 * runs its gRPC server as tuned as the collector's.
 */
public final class LibraryDefaults {

  /** A property's value, set under the first of its names when none of them is set. */
  record Default(String value, String... names) {}

  static final List<Default> DEFAULTS =
      List.of(
          /*
           * Netty 4.2 checks at every buffer allocation whether Java Flight Recorder wants its
           * events, and loads JFR's classes (~100) to find out. Without it, measured at 10,000
           * testbed spans/s: ~10 % less CPU in the first minutes (later the difference is within
           * the noise) and ~1 MiB less resident memory. -Dio.netty.jfr.enabled=true brings the
           * events back for a recording.
           */
          new Default("false", "io.netty.jfr.enabled"),
          /*
           * Netty's leak detector follows one buffer in 128, and records where each was allocated
           * in a Throwable: at full load that stack walk was 0.6-0.7 % of the collector's CPU
           * (perf, BENCHMARKS.md "Netty's leak detector"). The tests run with it on; to look for
           * a leak in a running collector, -Dio.netty.leakDetection.level=simple (or paranoid).
           * The older name of the property counts as set too.
           */
          new Default("disabled", "io.netty.leakDetection.level", "io.netty.leakDetectionLevel"));

  private LibraryDefaults() {}

  /** The defaults as {@code name=value}, for a benchmark's report. */
  public static List<String> asProperties() {
    return DEFAULTS.stream().map(d -> d.names()[0] + "=" + d.value()).toList();
  }

  /** Sets every property the user did not; call before any Netty class is loaded. */
  public static void apply() {
    for (Default property : DEFAULTS) {
      boolean set = false;
      for (String name : property.names()) {
        set |= System.getProperty(name) != null;
      }
      if (!set) {
        System.setProperty(property.names()[0], property.value());
      }
    }
  }
}
