package io.otelring.core.wire;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * The wire check's fast path for attributes ({@code KeyValue} fields' values, after their tags) in
 * the form nearly all of them take — a key and a string or integer value, every length one byte —
 * read as one unit, instead of descending into the {@code KeyValue} and then its {@code AnyValue}.
 * Attributes are most of a span's bytes: this takes about a quarter off checking an {@code
 * otelspec} request, and reading a run of string attributes at once about a fifth of the rest
 * (BENCHMARKS.md, "The check's attribute path").
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
   * valid; -1 when the general walk must read it. When its value is a string, and the attributes
   * after it (each after another {@code tag}, the field's, one byte) are of that form too, where
   * the run of them ends: a list of such attributes is ASCII from its first length to its last
   * value's end when its keys and values are (tags and one-byte lengths are below 128), so one pass
   * over the run checks them all, without a call per string. A run with other bytes in it is
   * checked attribute by attribute, up to the first invalid one. Reads nothing at or beyond {@code
   * end}.
   */
  static int end(byte[] b, int at, int end, int tag) {
    int valueStart = valueStart(b, at, end);
    if (valueStart < 0) {
      return -1;
    }
    int attributeEnd = at + 1 + b[at];
    if (b[valueStart] == INT_VALUE_TAG) {
      return isOneVarint(b, valueStart + 1, attributeEnd)
              && Utf8.isValid(b, at + 3, at + 3 + b[at + 2])
          ? attributeEnd
          : -1;
    }
    if (!isStringValue(b, valueStart, attributeEnd)) {
      return -1;
    }
    int last = attributeEnd; // where the run's last attribute ends
    while (end - last >= 2 && b[last] == tag) {
      int next = stringEnd(b, last + 1, end);
      if (next < 0) {
        break;
      }
      last = next;
    }
    return Utf8.isAscii(b, at, last) ? last : validPrefixEnd(b, at, last);
  }

  /**
   * Of a run of string attributes in the common form, where its longest valid prefix ends. Their
   * framing is already checked, so each one's key and value are found at fixed offsets: the key
   * after the attribute's length and the key's tag and length; the string after the value's tag and
   * length and the {@code AnyValue}'s tag and length.
   */
  private static int validPrefixEnd(byte[] b, int at, int runEnd) {
    int valid = -1;
    for (int next = at; next < runEnd; next = valid + 1) { // valid + 1: past the next one's tag
      int attributeEnd = next + 1 + b[next];
      int keyEnd = next + 3 + b[next + 2];
      if (!Utf8.isValid(b, next + 3, keyEnd) || !Utf8.isValid(b, keyEnd + 4, attributeEnd)) {
        break;
      }
      valid = attributeEnd;
    }
    return valid;
  }

  /** Where the attribute at {@code at} ends when it has the common form with a string value. */
  private static int stringEnd(byte[] b, int at, int end) {
    int valueStart = valueStart(b, at, end);
    if (valueStart < 0) {
      return -1;
    }
    int attributeEnd = at + 1 + b[at];
    return isStringValue(b, valueStart, attributeEnd) ? attributeEnd : -1;
  }

  /** Whether the value from {@code valueStart} to the attribute's end is one string field. */
  private static boolean isStringValue(byte[] b, int valueStart, int attributeEnd) {
    return b[valueStart] == STRING_VALUE_TAG && b[valueStart + 1] == attributeEnd - valueStart - 2;
  }

  /**
   * Where the value (its {@code AnyValue}'s first tag) of the attribute whose length starts at
   * {@code at} begins, when the attribute is framed in the common form: a one-byte length within
   * {@code end}, the key's tag and one-byte length, the value's tag and one-byte length ending the
   * attribute exactly, with room for a tag and a byte; -1 otherwise.
   */
  private static int valueStart(byte[] b, int at, int end) {
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
    return valueStart;
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
