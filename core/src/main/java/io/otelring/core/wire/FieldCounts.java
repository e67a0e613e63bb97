package io.otelring.core.wire;

/**
 * How many times a field occurs at the end of a path of nested messages in an encoded request,
 * counted on the wire: {@code count(bytes, 1)} is a metrics request's {@code resource_metrics},
 * {@code count(bytes, 1, 2, 2)} its metrics. The bytes must already have passed {@link
 * WireScanner}, which checked every tag and length this walk trusts.
 */
public final class FieldCounts {

  private FieldCounts() {}

  /** Occurrences of the last field of {@code path}, each inside an occurrence of the one before. */
  public static int count(byte[] bytes, int... path) {
    if (path.length == 0) {
      throw new IllegalArgumentException("a path of at least one field");
    }
    return count(bytes, 0, bytes.length, path, 0);
  }

  private static int count(byte[] bytes, int from, int to, int[] path, int depth) {
    int count = 0;
    int position = from;
    while (position < to) {
      long tag = varint(bytes, position);
      position = afterVarint(bytes, position);
      int field = (int) (tag >>> 3);
      int wireType = (int) (tag & 7);
      if (wireType != WireScanner.LENGTH_DELIMITED) {
        position = skip(bytes, position, field, wireType);
        continue;
      }
      int length = (int) varint(bytes, position);
      position = afterVarint(bytes, position);
      int end = position + length;
      if (field == path[depth]) {
        count += depth == path.length - 1 ? 1 : count(bytes, position, end, path, depth + 1);
      }
      position = end;
    }
    return count;
  }

  /** The position after a value that is not length-delimited; a group up to its end tag. */
  private static int skip(byte[] bytes, int position, int field, int wireType) {
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
      case WireScanner.START_GROUP -> {
        while (true) {
          long tag = varint(bytes, position);
          position = afterVarint(bytes, position);
          int innerField = (int) (tag >>> 3);
          int innerType = (int) (tag & 7);
          if (innerType == WireScanner.END_GROUP && innerField == field) {
            return position;
          }
          if (innerType == WireScanner.LENGTH_DELIMITED) {
            int length = (int) varint(bytes, position);
            position = afterVarint(bytes, position) + length;
          } else {
            position = skip(bytes, position, innerField, innerType);
          }
        }
      }
      default -> throw new IllegalArgumentException("wire type " + wireType + " out of place");
    }
  }

  private static long varint(byte[] bytes, int position) {
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

  private static int afterVarint(byte[] bytes, int position) {
    while (bytes[position++] < 0) {
      // continuation bytes
    }
    return position;
  }
}
