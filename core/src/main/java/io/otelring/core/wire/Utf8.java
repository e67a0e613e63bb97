package io.otelring.core.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 validation without decoding, by the rules of RFC 3629 (no overlong forms, no surrogates,
 * nothing above U+10FFFF) — what protobuf-java requires of a proto3 string.
 */
final class Utf8 {

  /** Reads eight bytes of an array as one long; the JIT turns it into a single load. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final VarHandle FOUR_BYTES =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private Utf8() {}

  static boolean isValid(byte[] bytes, int from, int to) {
    return isAscii(bytes, from, to) || isValidFrom(bytes, from, to);
  }

  /**
   * Whether no byte has its high bit set. Attribute keys and values are short (a request has
   * thousands of 10–40 byte strings) and nearly always ASCII, and validation is the costliest part
   * of checking a request: so whole words are or-ed together, the last one overlapping the one
   * before, with no branch per word and no byte-by-byte tail.
   */
  static boolean isAscii(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length >= 8) {
      long seen = (long) EIGHT_BYTES.get(bytes, to - 8);
      for (int i = from; i < to - 8; i += 8) {
        seen |= (long) EIGHT_BYTES.get(bytes, i);
      }
      return (seen & HIGH_BITS) == 0;
    }
    if (length >= 4) {
      int seen = (int) FOUR_BYTES.get(bytes, from) | (int) FOUR_BYTES.get(bytes, to - 4);
      return (seen & 0x8080_8080) == 0;
    }
    int seen = 0;
    for (int i = from; i < to; i++) {
      seen |= bytes[i]; // a byte with its high bit set is negative, and so is the or
    }
    return seen >= 0;
  }

  private static boolean isValidFrom(byte[] bytes, int from, int to) {
    int i = from;
    while (true) {
      // ASCII runs between multi-byte sequences, eight bytes at a time.
      while (to - i >= 8 && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      while (i < to && bytes[i] >= 0) {
        i++;
      }
      if (i >= to) {
        return true;
      }
      int length = sequenceLength(bytes, i, to);
      if (length == 0) {
        return false;
      }
      i += length;
    }
  }

  /** The length of the multi-byte sequence at {@code i}, or 0 when it is not valid UTF-8. */
  private static int sequenceLength(byte[] bytes, int i, int to) {
    int b = bytes[i];
    if ((b & 0xE0) == 0xC0) {
      if (i + 1 >= to || (b & 0x1E) == 0 || !continuation(bytes[i + 1])) {
        return 0; // truncated, overlong, or not followed by a continuation byte
      }
      return 2;
    }
    if ((b & 0xF0) == 0xE0) {
      if (i + 2 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
        return 0;
      }
      int b1 = bytes[i + 1] & 0xFF;
      if ((b & 0x0F) == 0 && b1 < 0xA0) {
        return 0; // overlong
      }
      if ((b & 0x0F) == 0x0D && b1 >= 0xA0) {
        return 0; // a UTF-16 surrogate
      }
      return 3;
    }
    if ((b & 0xF8) == 0xF0) {
      if (i + 3 >= to
          || !continuation(bytes[i + 1])
          || !continuation(bytes[i + 2])
          || !continuation(bytes[i + 3])) {
        return 0;
      }
      int code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12);
      if (code < 0x10000 || code > 0x10FFFF) {
        return 0; // overlong or beyond Unicode
      }
      return 4;
    }
    return 0;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
