package io.otelring.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's float formatting; each expectation is what Go's fmt / strconv / encoding/json print. */
class GoFloatFormatTest {

  @ParameterizedTest(name = "%f of {0} is {1}")
  @CsvSource({
    "1.23, 1.230000",
    "15, 15.000000",
    "0.15, 0.150000",
    "0, 0.000000",
    "-0.0, -0.000000",
    "-0.0000001, -0.000000",
    "0.0078125, 0.007812", // an exact tie: Go rounds half to even
    "0.0234375, 0.023438",
    "1e21, 1000000000000000000000.000000",
    "-1.4142135623730951, -1.414214",
    "NaN, NaN",
    "Infinity, +Inf",
    "-Infinity, -Inf"
  })
  void fixed(double value, String expected) {
    assertThat(GoFloatFormat.fixed6(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "%v of {0} is {1}")
  @CsvSource({
    "123.456, 123.456",
    "78.901234567, 78.901234567",
    "99.573, 99.573",
    "0.125, 0.125",
    "1, 1",
    "15, 15",
    "0.01, 0.01",
    "0, 0",
    "-0.0, -0",
    "100000, 100000",
    "1000000, 1e+06",
    "123456789, 1.23456789e+08",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e21, 1e+21",
    "1e100, 1e+100",
    "5e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "2.82879384806159e17, 2.82879384806159e+17",
    "-2.5, -2.5",
    "NaN, NaN",
    "Infinity, +Inf"
  })
  void general(double value, String expected) {
    assertThat(GoFloatFormat.general(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "JSON of {0} is {1}")
  @CsvSource({
    "5.5, 5.5",
    "34.22, 34.22",
    "1000000, 1000000",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "1.5e-10, 1.5e-10",
    "-0.0, -0",
    "12345678.9, 12345678.9"
  })
  void json(double value, String expected) {
    assertThat(GoFloatFormat.json(value)).isEqualTo(expected);
  }
}
