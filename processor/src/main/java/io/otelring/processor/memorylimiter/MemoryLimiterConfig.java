package io.otelring.processor.memorylimiter;

import io.otelring.core.component.ComponentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code memory_limiter} processor's settings, with the Go collector's names and defaults. As
 * in Go the defaults alone are invalid: {@code check_interval} and a limit must be given.
 *
 * @param checkInterval how often the heap is measured; must be positive
 * @param minGcIntervalWhenSoftLimited the least time between two requested GCs while the heap is
 *     between the soft and the hard limit; zero or less means no minimum
 * @param minGcIntervalWhenHardLimited the same above the hard limit; at most the soft one
 * @param limitMib the hard limit of used heap, in MiB; takes precedence over the percentage
 * @param spikeLimitMib the growth expected between two measurements, in MiB; the soft limit is
 *     {@code limit_mib - spike_limit_mib}; zero means 20% of the limit
 * @param limitPercentage the hard limit as a percentage of the JVM's maximum heap ({@code -Xmx})
 * @param spikeLimitPercentage the spike as a percentage of the maximum heap; zero means 20% of the
 *     limit
 */
public record MemoryLimiterConfig(
    Duration checkInterval,
    Duration minGcIntervalWhenSoftLimited,
    Duration minGcIntervalWhenHardLimited,
    int limitMib,
    int spikeLimitMib,
    int limitPercentage,
    int spikeLimitPercentage)
    implements ComponentConfig {

  /**
   * Every problem at once, in the order Go checks them, with Go's messages after the key they are
   * about (Go stops at the first).
   */
  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
      problems.add("check_interval: must be greater than zero");
    }
    if (minGcIntervalWhenSoftLimited == null) {
      problems.add("min_gc_interval_when_soft_limited: must not be empty");
    }
    if (minGcIntervalWhenHardLimited == null) {
      problems.add("min_gc_interval_when_hard_limited: must not be empty");
    }
    if (minGcIntervalWhenSoftLimited != null
        && minGcIntervalWhenHardLimited != null
        && minGcIntervalWhenSoftLimited.compareTo(minGcIntervalWhenHardLimited) < 0) {
      problems.add(
          "min_gc_interval_when_soft_limited: should be larger than"
              + " 'min_gc_interval_when_hard_limited'");
    }
    // Go reads the four numbers as uint32, so a negative one fails there while parsing.
    boolean negative =
        negative(problems, "limit_mib", limitMib)
            | negative(problems, "spike_limit_mib", spikeLimitMib)
            | negative(problems, "limit_percentage", limitPercentage)
            | negative(problems, "spike_limit_percentage", spikeLimitPercentage);
    if (negative) {
      return problems;
    }
    if (limitMib == 0 && limitPercentage == 0) {
      problems.add("limit_mib: 'limit_mib' or 'limit_percentage' must be greater than zero");
    }
    if (limitPercentage > 100 || spikeLimitPercentage > 100) {
      problems.add(
          (limitPercentage > 100 ? "limit_percentage" : "spike_limit_percentage")
              + ": 'limit_percentage' and 'spike_limit_percentage' must be greater than zero and"
              + " less than or equal to hundred");
    }
    if (limitMib > 0 && limitMib <= spikeLimitMib) {
      problems.add("spike_limit_mib: must be smaller than 'limit_mib'");
    }
    if (limitPercentage > 0 && limitPercentage <= spikeLimitPercentage) {
      problems.add("spike_limit_percentage: must be smaller than 'limit_percentage'");
    }
    return problems;
  }

  private static boolean negative(List<String> problems, String key, int value) {
    if (value < 0) {
      problems.add(key + ": must be greater or equal to 0");
      return true;
    }
    return false;
  }
}
