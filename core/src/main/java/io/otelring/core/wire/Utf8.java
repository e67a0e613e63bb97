package io.otelring.core.wire;

/** UTF-8 validation without decoding: ASCII runs fast, then the rules of RFC 3629. */
final class Utf8 {

  private Utf8() {}

  static boolean isValid(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      if ((b & 0xE0) == 0xC0) {
        if (i + 1 >= to || (b & 0x1E) == 0 || !continuation(bytes[i + 1])) {
          return false; // truncated, overlong, or not followed by a continuation byte
        }
        i += 2;
      } else if ((b & 0xF0) == 0xE0) {
        if (i + 2 >= to || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
          return false;
        }
        int b1 = bytes[i + 1] & 0xFF;
        if ((b & 0x0F) == 0 && b1 < 0xA0) {
          return false; // overlong
        }
        if ((b & 0x0F) == 0x0D && b1 >= 0xA0) {
          return false; // a UTF-16 surrogate
        }
        i += 3;
      } else if ((b & 0xF8) == 0xF0) {
        if (i + 3 >= to
            || !continuation(bytes[i + 1])
            || !continuation(bytes[i + 2])
            || !continuation(bytes[i + 3])) {
          return false;
        }
        int code = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12);
        if (code < 0x10000 || code > 0x10FFFF) {
          return false; // overlong or beyond Unicode
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
