package io.otelring.exporter.debug;

import static io.otelring.exporter.debug.GoTestData.bool;
import static io.otelring.exporter.debug.GoTestData.dbl;
import static io.otelring.exporter.debug.GoTestData.integer;
import static io.otelring.exporter.debug.GoTestData.kv;
import static io.otelring.exporter.debug.GoTestData.map;
import static io.otelring.exporter.debug.GoTestData.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import org.junit.jupiter.api.Test;

/**
 * Every AnyValue form as pdata renders it. The first two are the Go debug exporter's own tests
 * ({@code databuffer_test.go}); the others follow pdata's {@code Value.AsString} and Go's JSON.
 */
class AnyValueTextTest {

  static AnyValue slice(AnyValue... values) {
    return AnyValue.newBuilder()
        .setArrayValue(ArrayValue.newBuilder().addAllValues(java.util.List.of(values)))
        .build();
  }

  @Test
  void nestedSliceAsInGo() {
    AnyValue value = slice(str("foo"), integer(42), slice(str("bar")), bool(true), dbl(5.5));
    assertThat(AnyValueText.typed(value)).isEqualTo("Slice([\"foo\",42,[\"bar\"],true,5.5])");
  }

  @Test
  void nestedMapAsInGo() {
    AnyValue value = map(kv("foo", "test"), kv("zoo", map(kv("bar", integer(13)))));
    assertThat(AnyValueText.typed(value)).isEqualTo("Map({\"foo\":\"test\",\"zoo\":{\"bar\":13}})");
  }

  @Test
  void scalars() {
    assertThat(AnyValueText.typed(str("a b"))).isEqualTo("Str(a b)");
    assertThat(AnyValueText.typed(integer(-7))).isEqualTo("Int(-7)");
    assertThat(AnyValueText.typed(bool(false))).isEqualTo("Bool(false)");
    assertThat(AnyValueText.typed(dbl(3))).isEqualTo("Double(3)");
    assertThat(AnyValueText.typed(dbl(34.22))).isEqualTo("Double(34.22)");
    assertThat(AnyValueText.typed(dbl(1e21))).isEqualTo("Double(1e+21)");
    assertThat(AnyValueText.typed(dbl(1e-7))).isEqualTo("Double(1e-7)");
    assertThat(AnyValueText.typed(dbl(Double.NaN)))
        .isEqualTo("Double(json: unsupported value: NaN)");
    assertThat(AnyValueText.typed(dbl(Double.NEGATIVE_INFINITY)))
        .isEqualTo("Double(json: unsupported value: -Inf)");
    assertThat(AnyValueText.typed(AnyValue.getDefaultInstance())).isEqualTo("Empty()");
    AnyValue bytes = AnyValue.newBuilder().setBytesValue(GoTestData.bytes(1, 2, 3, 0xff)).build();
    assertThat(AnyValueText.typed(bytes)).isEqualTo("Bytes(AQID/w==)");
  }

  @Test
  void mapsSortKeysKeepTheLastOfARepeatedKeyAndRenderEveryForm() {
    AnyValue bytes = AnyValue.newBuilder().setBytesValue(GoTestData.bytes(104, 105)).build();
    AnyValue value =
        map(
            kv("z", integer(1)),
            kv("a", AnyValue.getDefaultInstance()),
            kv("b", bytes),
            kv("z", dbl(0.5)),
            kv("c", slice()),
            kv("d", map()));
    assertThat(AnyValueText.typed(value))
        .isEqualTo("Map({\"a\":null,\"b\":\"aGk=\",\"c\":[],\"d\":{},\"z\":0.5})");
  }

  @Test
  void jsonStringsAreEscapedAsGoEscapesThem() {
    AnyValue value = slice(str("<a href=\"x\">&\u2028\\\n\t\b\f\u0001\u007f"));
    assertThat(AnyValueText.asString(value))
        .isEqualTo(
            "[\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u2028\\\\\\n\\t\\b\\f\\u0001\u007f\"]");
  }

  @Test
  void aMapHoldingNanPrintsNothingAsGosJsonRefusesIt() {
    assertThat(AnyValueText.typed(map(kv("x", dbl(Double.NaN))))).isEqualTo("Map()");
  }

  @Test
  void normalFormIsTheBareString() {
    assertThat(AnyValueText.asString(str("x"))).isEqualTo("x");
    assertThat(AnyValueText.asString(map(kv("k", "v")))).isEqualTo("{\"k\":\"v\"}");
  }
}
