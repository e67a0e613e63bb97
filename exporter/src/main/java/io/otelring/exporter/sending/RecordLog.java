package io.otelring.exporter.sending;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a persistent sending queue keeps its batches: an append-only log of records that survives a
 * crash. Appends are committed in groups (one write and one fsync for all the records that arrived
 * meanwhile); a record stays until it is acknowledged, and is found again by {@link #recover()}
 * after a restart.
 */
public interface RecordLog extends Closeable {

  /** Where a record is, for reading it back and acknowledging it. */
  record Position(long segment, long offset, int length) {}

  /**
   * The records written by earlier runs and not acknowledged, oldest first. Damaged records (a torn
   * write at a crash, a truncated or corrupt file) are reported in the log and skipped; the records
   * around them are kept.
   */
  List<Position> recover() throws IOException;

  /** Appends a record; the stage completes once it is written (and synced, if so configured). */
  CompletionStage<Position> append(byte[] record);

  byte[] read(Position position) throws IOException;

  /** The record has been dealt with (sent, or failed for good); it will not be recovered. */
  void acknowledge(Position position);
}
