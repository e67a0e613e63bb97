package io.otelring.core.wire;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * The wire check's fast path for an attribute (a {@code KeyValue} field's value, after its tag) in
 * the form nearly all of them take — a key and a string or integer value, every length one byte —
 * read as one unit, instead of descending into the {@code KeyValue} and then its {@code AnyValue}.
 * Attributes are most of a span's bytes: this takes about a quarter off checking an {@code
 * otelspec} request (BENCHMARKS.md, "The check's attribute path").
 *
 * <p>It accepts exactly what {@link WireScanner}'s general walk accepts of such bytes; anything
 * else, well-formed or not, it declines, and the general walk reads the attribute (and words any
 * error).
 */
final class CommonAttribute {

  private static final int KEY_TAG = KeyValue.KEY_FIELD_NUMBER << 3 | WireScanner.LENGTH_DELIMITED;
  private static final int VALUE_TAG =
      KeyValue.VALUE_FIELD_NUMBER << 3 | WireScanner.LENGTH_DELIMITED;
  private static final int STRING_VALUE_TAG =
      AnyValue.STRING_VALUE_FIELD_NUMBER << 3 | WireScanner.LENGTH_DELIMITED;
  private static final int INT_VALUE_TAG =
      AnyValue.INT_VALUE_FIELD_NUMBER << 3 | WireScanner.VARINT;

  private CommonAttribute() {}

  /**
   * Where the attribute whose length starts at {@code at} ends, when it has the common form and is
   * valid; -1 when the general walk must read it. Reads nothing at or beyond {@code end}.
   */
  static int end(byte[] b, int at, int end) {
    if (end - at < 5) {
      return -1;
    }
    int length = b[at]; // negative when the length takes more than one byte
    int attributeEnd = at + 1 + length;
    int keyLength = b[at + 2];
    int keyEnd = at + 3 + keyLength;
    if (length < 0
        || attributeEnd > end
        || b[at + 1] != KEY_TAG
        || keyLength < 0
        || keyEnd + 2 > attributeEnd
        || b[keyEnd] != VALUE_TAG) {
      return -1;
    }
    int valueLength = b[keyEnd + 1];
    int valueStart = keyEnd + 2;
    if (valueLength < 2 || valueStart + valueLength != attributeEnd) {
      return -1;
    }
    int valueTag = b[valueStart];
    boolean value =
        valueTag == STRING_VALUE_TAG
            ? b[valueStart + 1] == valueLength - 2 && Utf8.isValid(b, valueStart + 2, attributeEnd)
            : valueTag == INT_VALUE_TAG && isOneVarint(b, valueStart + 1, attributeEnd);
    if (!value || !Utf8.isValid(b, at + 3, keyEnd)) {
      return -1;
    }
    return attributeEnd;
  }

  /**
   * Whether {@code [from, to)} holds exactly one varint of at most ten bytes, as the walk reads.
   */
  private static boolean isOneVarint(byte[] b, int from, int to) {
    if (to - from > 10 || b[to - 1] < 0) {
      return false;
    }
    for (int i = from; i < to - 1; i++) {
      if (b[i] >= 0) {
        return false;
      }
    }
    return true;
  }
}
