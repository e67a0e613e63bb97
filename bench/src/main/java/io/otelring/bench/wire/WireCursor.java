package io.otelring.bench.wire;

/**
 * Reads the fields of one protobuf message in a byte range: {@link #next()} reads a tag, then the
 * caller either {@link #skip()}s the value or, for a length-delimited field, descends with {@link
 * #sub()} (which also moves past it). Malformed input is an {@link IllegalArgumentException}.
 */
final class WireCursor {

  private final byte[] bytes;
  private final int limit;
  private int position;
  private int tag;

  WireCursor(byte[] bytes, int offset, int limit) {
    if (offset < 0 || limit > bytes.length || offset > limit) {
      throw new IllegalArgumentException("bad range " + offset + ".." + limit);
    }
    this.bytes = bytes;
    this.position = offset;
    this.limit = limit;
  }

  /** Reads the next tag; false at the end of the message. */
  boolean next() {
    if (position >= limit) {
      return false;
    }
    long read = readVarint();
    if (read >>> 3 == 0 || read > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("invalid tag " + read + " at " + position);
    }
    tag = (int) read;
    return true;
  }

  int field() {
    return tag >>> 3;
  }

  int wireType() {
    return tag & 7;
  }

  /** The byte where the current field's value starts (after the tag). */
  int position() {
    return position;
  }

  int limit() {
    return limit;
  }

  byte[] bytes() {
    return bytes;
  }

  /** A cursor over the current length-delimited field's bytes; this cursor moves past them. */
  WireCursor sub() {
    int length = length();
    WireCursor sub = new WireCursor(bytes, position, position + length);
    position += length;
    return sub;
  }

  /** Moves past the current field's value. */
  void skip() {
    switch (wireType()) {
      case 0 -> readVarint();
      case 1 -> advance(8);
      case 2 -> advance(length());
      case 5 -> advance(4);
      default ->
          throw new IllegalArgumentException(
              "unsupported wire type " + wireType() + " at " + position);
    }
  }

  private int length() {
    long length = readVarint();
    if (length < 0 || length > limit - position) {
      throw new IllegalArgumentException(
          "length " + length + " overruns the message at " + position);
    }
    return (int) length;
  }

  private void advance(int count) {
    if (count > limit - position) {
      throw new IllegalArgumentException("truncated field at " + position);
    }
    position += count;
  }

  private long readVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= limit) {
        throw new IllegalArgumentException("truncated varint at " + position);
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes at " + position);
  }
}
