package io.otelring.core.wire;

/**
 * Reading varints and stepping over values in bytes that {@link WireScanner} has already checked,
 * for the walks that only need to find fields ({@link TopLevelFields}, {@link FieldCounts}).
 */
final class WireValues {

  private WireValues() {}

  static long varint(byte[] bytes, int position) {
    long value = 0;
    int shift = 0;
    byte b;
    do {
      b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return value;
  }

  static int afterVarint(byte[] bytes, int position) {
    while (bytes[position++] < 0) {
      // continuation bytes
    }
    return position;
  }

  /**
   * The position after the value of a field whose tag ended at {@code position}; a group up to and
   * including its end tag.
   */
  static int skip(byte[] bytes, int position, int field, int wireType) {
    switch (wireType) {
      case WireScanner.VARINT -> {
        return afterVarint(bytes, position);
      }
      case WireScanner.FIXED64 -> {
        return position + 8;
      }
      case WireScanner.FIXED32 -> {
        return position + 4;
      }
      case WireScanner.LENGTH_DELIMITED -> {
        int length = (int) varint(bytes, position);
        return afterVarint(bytes, position) + length;
      }
      case WireScanner.START_GROUP -> {
        while (true) {
          long tag = varint(bytes, position);
          position = afterVarint(bytes, position);
          int innerField = (int) (tag >>> 3);
          int innerType = (int) (tag & 7);
          if (innerType == WireScanner.END_GROUP && innerField == field) {
            return position;
          }
          position = skip(bytes, position, innerField, innerType);
        }
      }
      default -> throw new IllegalArgumentException("wire type " + wireType + " out of place");
    }
  }
}
