package io.otelring.exporter.filestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelring.exporter.sending.RecordLog.Position;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SegmentLogTest {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentLogTest.class);

  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> read(SegmentLog log, List<Position> positions) throws IOException {
    List<String> out = new ArrayList<>();
    for (Position p : positions) {
      out.add(new String(log.read(p), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<Position> append(SegmentLog log, String... records) {
    List<CompletableFuture<Position>> stages = new ArrayList<>();
    for (String record : records) {
      stages.add(log.append(bytes(record)).toCompletableFuture());
    }
    return stages.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void whatWasNotAcknowledgedIsFoundAgainAfterAReopen() throws Exception {
    SegmentLog log = SegmentLog.open(dir, true, LOG);
    assertThat(log.recover()).isEmpty();
    List<Position> written = append(log, "a", "b", "c");
    log.acknowledge(written.get(1));
    log.close();

    SegmentLog again = SegmentLog.open(dir, true, LOG);
    List<Position> recovered = again.recover();

    assertThat(read(again, recovered)).containsExactly("a", "c");
    again.close();
  }

  @Test
  void fullyAcknowledgedSegmentsAreDeleted() throws Exception {
    SegmentLog log = SegmentLog.open(dir, false, LOG, 10);
    log.recover();
    List<Position> written = append(log, "first record", "second record", "third record");
    assertThat(segments()).hasSize(3);

    written.forEach(log::acknowledge);

    assertThat(segments()).hasSize(1); // the one being written to
    log.close();
    assertThat(segments()).isEmpty();
  }

  @Test
  void aTruncatedFileIsReportedAndTheRecordsBeforeTheCutAreKept() throws Exception {
    SegmentLog log = SegmentLog.open(dir, true, LOG);
    log.recover();
    append(log, "one", "two", "three-is-long");
    log.close();
    Path segment = segments().get(0);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(file.length() - 5);
    }

    SegmentLog again = SegmentLog.open(dir, true, LOG);
    List<Position> recovered = again.recover();

    assertThat(read(again, recovered)).containsExactly("one", "two");
    assertThat(again.damagedBytes()).isEqualTo(RecordFormat.HEADER_BYTES + 13 - 5);
    again.close();
  }

  @Test
  void aCorruptRecordInTheMiddleIsSkippedAndTheRestKept() throws Exception {
    SegmentLog log = SegmentLog.open(dir, true, LOG);
    log.recover();
    List<Position> written = append(log, "one", "two", "three");
    log.close();
    try (RandomAccessFile file = new RandomAccessFile(segments().get(0).toFile(), "rw")) {
      file.seek(written.get(1).offset() + RecordFormat.HEADER_BYTES);
      file.write('X');
    }

    SegmentLog again = SegmentLog.open(dir, true, LOG);
    List<Position> recovered = again.recover();

    assertThat(read(again, recovered)).containsExactly("one", "three");
    assertThat(again.damagedBytes()).isEqualTo(RecordFormat.HEADER_BYTES + 3);
    again.close();
  }

  @Test
  void aSecondOpenOfTheSameQueueIsRefused() throws Exception {
    SegmentLog log = SegmentLog.open(dir, true, LOG);
    try {
      assertThatThrownBy(() -> SegmentLog.open(dir, true, LOG))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
    } finally {
      log.close();
    }
  }

  @Test
  void concurrentAppendsAreCommittedInGroupsAndAllKept() throws Exception {
    SegmentLog log = SegmentLog.open(dir, true, LOG);
    log.recover();
    List<CompletableFuture<Position>> stages = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      stages.add(log.append(bytes("r" + i)).toCompletableFuture());
    }
    CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).join();
    log.close();

    SegmentLog again = SegmentLog.open(dir, true, LOG);
    List<String> recovered = read(again, again.recover());
    assertThat(recovered).hasSize(500).startsWith("r0", "r1").endsWith("r499");
    again.close();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }
}
