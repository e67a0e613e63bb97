package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** compression_params.level reaches the compressor: the bytes differ by level and decompress. */
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
