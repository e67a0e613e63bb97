package io.otelring.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoTimeFormatTest {

  @Test
  void nanosecondsWithTrailingZerosRemoved() {
    assertThat(GoTimeFormat.utc(GoTestData.END))
        .isEqualTo("2020-02-11 20:26:13.000000789 +0000 UTC");
    assertThat(GoTimeFormat.utc(GoTestData.nanos(2024, 1, 23, 17, 54, 41, 153_000_000)))
        .isEqualTo("2024-01-23 17:54:41.153 +0000 UTC");
  }

  @Test
  void wholeSecondsHaveNoFraction() {
    assertThat(GoTimeFormat.utc(0)).isEqualTo("1970-01-01 00:00:00 +0000 UTC");
  }

  @Test
  void anUnsignedValuePastInt64IsReadAsGoReadsIt() {
    // Go converts the uint64 to int64: the largest value lands before 1970.
    assertThat(GoTimeFormat.utc(-1L)).isEqualTo("1969-12-31 23:59:59.999999999 +0000 UTC");
  }
}
