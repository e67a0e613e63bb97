package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.snappy.SnappyFramedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each HTTP compression writes its format, and compression_params.level reaches the compressor: the
 * bytes differ by level and decompress.
 */
class RequestCompressionTest {

  /** 64 KiB of words from a small vocabulary: compressible, but not trivially. */
  private static final byte[] BODY = body();

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "zlib"})
  void zlibLevelsTradeSizeAndEveryLevelDecompresses(String compression) throws IOException {
    byte[] fastest = RequestCompression.compress(compression, 1, BODY);
    byte[] smallest = RequestCompression.compress(compression, 9, BODY);
    byte[] unset = RequestCompression.compress(compression, 0, BODY);
    byte[] huffmanOnly = RequestCompression.compress(compression, -2, BODY);

    assertThat(smallest.length).isLessThan(fastest.length);
    // Unset is zlib's default, 6, not level 0 ("store"), which would be larger than the body.
    assertThat(unset).isEqualTo(RequestCompression.compress(compression, 6, BODY));
    assertThat(unset.length).isLessThan(BODY.length / 2);
    // Huffman coding alone finds no repeats: well over the fastest level's output (here ~2 x).
    assertThat(huffmanOnly.length).isGreaterThan(fastest.length * 3 / 2);
    for (byte[] compressed : new byte[][] {fastest, smallest, unset, huffmanOnly}) {
      assertThat(inflate(compression, compressed)).isEqualTo(BODY);
    }
  }

  @Test
  void zstdLevelsDecompressAndTheHighestIsSmallest() {
    byte[] fastest = RequestCompression.compress("zstd", 0, BODY);
    byte[] best = RequestCompression.compress("zstd", 22, BODY);

    assertThat(best.length).isLessThan(fastest.length);
    assertThat(Zstd.decompress(best, BODY.length)).isEqualTo(BODY);
    assertThat(Zstd.decompress(fastest, BODY.length)).isEqualTo(BODY);
  }

  @Test
  void snappyIsOneBlockThatStatesItsSizeFirst() {
    byte[] block = RequestCompression.compress("snappy", 0, BODY);

    // The block's preamble: the uncompressed length as a varint.
    int length = 0;
    for (int i = 0, shift = 0; ; i++, shift += 7) {
      length |= (block[i] & 0x7f) << shift;
      if ((block[i] & 0x80) == 0) {
        break;
      }
    }
    assertThat(length).isEqualTo(BODY.length);
    byte[] restored = new byte[BODY.length];
    new SnappyDecompressor().decompress(block, 0, block.length, restored, 0, restored.length);
    assertThat(restored).isEqualTo(BODY);
    assertThat(block.length).isLessThan(BODY.length / 2);
  }

  @Test
  void xSnappyFramedIsSnappysFramingFormat() throws IOException {
    byte[] framed = RequestCompression.compress("x-snappy-framed", 0, BODY);

    assertThat(framed).startsWith(0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y');
    try (InputStream in = new SnappyFramedInputStream(new ByteArrayInputStream(framed), true)) {
      assertThat(in.readAllBytes()).isEqualTo(BODY);
    }
  }

  @Test
  void lz4IsAnLz4FrameWithAContentChecksum() throws IOException {
    byte[] frame = RequestCompression.compress("lz4", 0, BODY);

    // The frame's magic number 0x184D2204, little-endian; then FLG: version 01, independent
    // blocks, a content checksum.
    assertThat(frame).startsWith(0x04, 0x22, 0x4d, 0x18);
    assertThat(frame[4] & 0xff).isEqualTo(0b0110_0100);
    try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
      assertThat(in.readAllBytes()).isEqualTo(BODY);
    }
  }

  /** The four speeds of Go's zstd library, chosen from a level as Go chooses them. */
  @ParameterizedTest(name = "level {0} -> zstd {1}")
  @CsvSource({"-5, 1", "0, 1", "2, 1", "3, 3", "5, 3", "6, 7", "9, 7", "10, 11", "22, 11"})
  void zstdLevelsMapToGosFourSpeeds(int level, int zstd) {
    assertThat(RequestCompression.zstdLevel(level)).isEqualTo(zstd);
  }

  private static byte[] inflate(String compression, byte[] compressed) throws IOException {
    try (InputStream in =
        compression.equals("gzip")
            ? new GZIPInputStream(new ByteArrayInputStream(compressed))
            : new InflaterInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static byte[] body() {
    String[] words = {
      "span",
      "trace",
      "resource",
      "service.name",
      "checkout",
      "http.method",
      "GET",
      "POST",
      "gen_ai.system",
      "openai",
      "llm.request.model",
      "gpt-4o",
      "200",
      "404",
      "db.statement"
    };
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    while (text.length() < 64 * 1024) {
      text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
