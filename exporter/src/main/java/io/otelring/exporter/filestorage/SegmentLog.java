package io.otelring.exporter.filestorage;

import io.otelring.core.consumer.Refusal;
import io.otelring.exporter.sending.RecordLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;

/**
 * One queue's {@link RecordLog}: numbered segment files of records ({@link RecordFormat}), each
 * with an acknowledgement file listing the offsets of records that are done. One committer thread
 * writes whatever was appended meanwhile and syncs once (group commit), then completes those
 * appends. A segment whose records are all acknowledged is deleted. Every run writes to a new
 * segment, so a torn tail of a crashed run is never appended to. A lock file keeps a second process
 * out of the directory.
 */
final class SegmentLog implements RecordLog {

  static final long DEFAULT_SEGMENT_BYTES = 8L * 1024 * 1024;

  private final Path directory;
  private final boolean fsync;
  private final Logger logger;
  private final long segmentBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final TreeMap<Long, Segment> segments = new TreeMap<>(); // guarded by this
  private final List<Pending> pending = new ArrayList<>(); // guarded by itself
  private Segment current; // replaced by the committer only, under this
  private Thread committer;
  private boolean closed; // guarded by pending
  private long damagedBytes;

  private record Pending(byte[] payload, CompletableFuture<Position> done) {}

  private SegmentLog(
      Path directory, boolean fsync, Logger logger, long segmentBytes, FileChannel lockChannel)
      throws IOException {
    this.directory = directory;
    this.fsync = fsync;
    this.logger = logger;
    this.segmentBytes = segmentBytes;
    this.lockChannel = lockChannel;
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException heldByThisProcess) {
      acquired = null;
    }
    this.lock = acquired;
    if (lock == null) {
      lockChannel.close();
      throw new IOException(directory + " is in use by another process");
    }
  }

  static SegmentLog open(Path directory, boolean fsync, Logger logger) throws IOException {
    return open(directory, fsync, logger, DEFAULT_SEGMENT_BYTES);
  }

  static SegmentLog open(Path directory, boolean fsync, Logger logger, long segmentBytes)
      throws IOException {
    Files.createDirectories(directory);
    FileChannel lockChannel =
        FileChannel.open(
            directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return new SegmentLog(directory, fsync, logger, segmentBytes, lockChannel);
  }

  @Override
  public synchronized List<Position> recover() throws IOException {
    if (committer != null) {
      throw new IllegalStateException("recover() runs once, before the first append");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.seg")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    List<Position> unacknowledged = new ArrayList<>();
    long last = 0;
    for (Path file : files) {
      long number = Long.parseLong(file.getFileName().toString().replace(".seg", ""));
      last = Math.max(last, number);
      Segment segment = Segment.reopen(directory, number);
      Set<Long> acknowledged = segment.readAcknowledged();
      byte[] bytes = Files.readAllBytes(file);
      RecordFormat.scan(
          bytes,
          new RecordFormat.Visitor() {
            @Override
            public void record(long offset, int length) {
              segment.records++;
              if (acknowledged.contains(offset)) {
                segment.acknowledged++;
              } else {
                unacknowledged.add(new Position(number, offset, length));
              }
            }

            @Override
            public void damaged(long offset, long count, boolean atEnd) {
              damagedBytes += count;
              logger.warn(
                  "Queue file {} is {} at offset {}: {} bytes skipped; the other records are kept",
                  file,
                  atEnd ? "truncated or corrupt" : "corrupt",
                  offset,
                  count);
            }
          });
      segment.size = bytes.length;
      if (segment.done()) {
        segment.delete();
      } else {
        segments.put(number, segment);
      }
    }
    current = Segment.create(directory, last + 1);
    segments.put(current.number, current);
    committer = new Thread(this::commitLoop, "queue-commit-" + directory.getFileName());
    committer.setDaemon(true);
    committer.start();
    return unacknowledged;
  }

  /** Bytes skipped as damaged by {@link #recover()}. */
  synchronized long damagedBytes() {
    return damagedBytes;
  }

  @Override
  public CompletionStage<Position> append(byte[] payload) {
    CompletableFuture<Position> done = new CompletableFuture<>();
    synchronized (pending) {
      if (closed || committer == null) {
        done.completeExceptionally(new IOException("the queue file is closed"));
        return done;
      }
      pending.add(new Pending(payload, done));
      pending.notifyAll();
    }
    return done;
  }

  private void commitLoop() {
    while (true) {
      List<Pending> batch;
      synchronized (pending) {
        while (pending.isEmpty() && !closed) {
          try {
            pending.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        batch = new ArrayList<>(pending);
        pending.clear();
      }
      commit(batch);
    }
  }

  /** Writes a group of appends and syncs once, then completes them. */
  private void commit(List<Pending> batch) {
    List<Position> positions = new ArrayList<>(batch.size());
    try {
      for (Pending append : batch) {
        if (current.size >= segmentBytes && current.records > 0) {
          roll();
        }
        long offset = current.size;
        ByteBuffer[] buffers = {
          RecordFormat.header(append.payload()), ByteBuffer.wrap(append.payload())
        };
        long written = 0;
        long total = RecordFormat.HEADER_BYTES + (long) append.payload().length;
        while (written < total) {
          written += current.channel.write(buffers);
        }
        current.size += total;
        synchronized (this) {
          current.records++;
        }
        positions.add(new Position(current.number, offset, append.payload().length));
      }
      if (fsync) {
        current.channel.force(false);
      }
    } catch (IOException e) {
      logger.error("Cannot write the queue in {}: {}", directory, e.toString());
      for (int i = positions.size(); i < batch.size(); i++) {
        batch.get(i).done().completeExceptionally(Refusal.retryable(e.toString(), null));
      }
      // Records written before the failure are not synced for sure: fail them too.
      for (int i = 0; i < positions.size(); i++) {
        batch.get(i).done().completeExceptionally(Refusal.retryable(e.toString(), null));
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(positions.get(i));
    }
  }

  private void roll() throws IOException {
    if (fsync) {
      current.channel.force(false);
    }
    Segment next = Segment.create(directory, current.number + 1);
    synchronized (this) {
      Segment previous = current;
      current = next;
      segments.put(next.number, next);
      if (previous.done()) {
        segments.remove(previous.number);
        previous.delete();
      }
    }
  }

  @Override
  public byte[] read(Position position) throws IOException {
    Segment segment;
    synchronized (this) {
      segment = segments.get(position.segment());
    }
    if (segment == null) {
      throw new IOException("segment " + position.segment() + " is gone");
    }
    ByteBuffer buffer = ByteBuffer.allocate(position.length());
    long at = position.offset() + RecordFormat.HEADER_BYTES;
    while (buffer.hasRemaining()) {
      int read = segment.channel.read(buffer, at + buffer.position());
      if (read < 0) {
        throw new IOException("segment " + position.segment() + " ends early");
      }
    }
    return buffer.array();
  }

  @Override
  public synchronized void acknowledge(Position position) {
    Segment segment = segments.get(position.segment());
    if (segment == null) {
      return;
    }
    try {
      segment.acknowledge(position.offset());
    } catch (IOException e) {
      // Only costs a duplicate after a restart.
      logger.warn("Cannot record a sent batch in {}: {}", directory, e.toString());
    }
    if (segment != current && segment.done()) {
      segments.remove(segment.number);
      segment.delete();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (pending) {
      closed = true;
      pending.notifyAll();
    }
    if (committer != null) {
      try {
        committer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      for (Segment segment : segments.values()) {
        if (segment.done()) {
          segment.delete();
        } else {
          segment.close();
        }
      }
      segments.clear();
    }
    lock.release();
    lockChannel.close();
  }

  /** One segment file, its acknowledgement file, and its counts. */
  private static final class Segment {
    final long number;
    final Path file;
    final Path ackFile;
    final FileChannel channel;
    FileChannel acks;
    long size;
    int records;
    int acknowledged;

    private Segment(long number, Path file, Path ackFile, FileChannel channel) {
      this.number = number;
      this.file = file;
      this.ackFile = ackFile;
      this.channel = channel;
    }

    static Segment create(Path directory, long number) throws IOException {
      Path file = directory.resolve(String.format("%020d.seg", number));
      return new Segment(
          number,
          file,
          directory.resolve(String.format("%020d.ack", number)),
          FileChannel.open(
              file,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ));
    }

    static Segment reopen(Path directory, long number) throws IOException {
      Path file = directory.resolve(String.format("%020d.seg", number));
      return new Segment(
          number,
          file,
          directory.resolve(String.format("%020d.ack", number)),
          FileChannel.open(file, StandardOpenOption.READ));
    }

    Set<Long> readAcknowledged() throws IOException {
      Set<Long> offsets = new HashSet<>();
      if (Files.exists(ackFile)) {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(ackFile));
        while (bytes.remaining() >= Long.BYTES) {
          offsets.add(bytes.getLong());
        }
      }
      return offsets;
    }

    void acknowledge(long offset) throws IOException {
      if (acks == null) {
        acks =
            FileChannel.open(
                ackFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      }
      ByteBuffer entry = ByteBuffer.allocate(Long.BYTES).putLong(offset).flip();
      while (entry.hasRemaining()) {
        acks.write(entry);
      }
      acknowledged++;
    }

    boolean done() {
      return acknowledged >= records;
    }

    void close() throws IOException {
      channel.close();
      if (acks != null) {
        acks.close();
      }
    }

    void delete() {
      try {
        close();
        Files.deleteIfExists(file);
        Files.deleteIfExists(ackFile);
      } catch (IOException e) {
        // A leftover file is read again and found fully acknowledged at the next start.
      }
    }
  }
}
