package io.otelring.exporter.filestorage;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a record sits in a segment file: a 12-byte header (magic, payload length, CRC-32C of the
 * payload) and the payload. Reading a file back finds every intact record, and past a damaged one
 * (a write torn by a crash, a truncated or corrupt file) looks for the next intact header, so that
 * one bad record costs only itself.
 */
final class RecordFormat {

  static final int MAGIC = 0x4F54_5251; // "OTRQ"
  static final int HEADER_BYTES = 12;

  /** What a scan finds, in file order. */
  interface Visitor {
    void record(long offset, int length);

    /**
     * Bytes from {@code offset} that hold no intact record; {@code atEnd}: nothing intact follows.
     */
    void damaged(long offset, long bytes, boolean atEnd);
  }

  private RecordFormat() {}

  static ByteBuffer header(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return ByteBuffer.allocate(HEADER_BYTES)
        .putInt(MAGIC)
        .putInt(payload.length)
        .putInt((int) crc.getValue())
        .flip();
  }

  static void scan(byte[] file, Visitor visitor) {
    ByteBuffer buffer = ByteBuffer.wrap(file);
    int position = 0;
    while (position < file.length) {
      int length = intactLength(buffer, position);
      if (length >= 0) {
        visitor.record(position, length);
        position += HEADER_BYTES + length;
        continue;
      }
      int next = position + 1;
      while (next < file.length && intactLength(buffer, next) < 0) {
        next++;
      }
      visitor.damaged(position, next - position, next >= file.length);
      position = next;
    }
  }

  /** The payload length of the intact record at {@code position}, or -1. */
  private static int intactLength(ByteBuffer file, int position) {
    if (position + HEADER_BYTES > file.limit() || file.getInt(position) != MAGIC) {
      return -1;
    }
    int length = file.getInt(position + 4);
    if (length < 0 || (long) position + HEADER_BYTES + length > file.limit()) {
      return -1;
    }
    CRC32C crc = new CRC32C();
    crc.update(file.array(), position + HEADER_BYTES, length);
    return (int) crc.getValue() == file.getInt(position + 8) ? length : -1;
  }
}
