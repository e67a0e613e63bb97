package io.otelring.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator agrees with the JDK's strict UTF-8 decoder, at every alignment. */
class Utf8Test {

  @ParameterizedTest(name = "[{0}] valid: {1}")
  @CsvSource({
    "'', true",
    "41, true",
    "4142434445464748494a, true",
    "c3a9, true",
    "e282ac, true",
    "f09f9880, true",
    "80, false",
    "c0af, false",
    "e080af, false",
    "eda080, false",
    "f4908080, false",
    "f8888080, false",
    "c3, false",
    "4142434445464748c3, false",
    "414243444546474849e282, false",
  })
  void knownSequences(String hex, boolean valid) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(valid);
    assertThat(strictlyDecodes(bytes, 0, bytes.length)).isEqualTo(valid);
  }

  @Test
  void agreesWithTheJdkOnRandomMixesOfAsciiAndMultiByteSequences() {
    Random random = new Random(42);
    int invalid = 0;
    for (int run = 0; run < 20_000; run++) {
      byte[] bytes = mix(random);
      int from = random.nextInt(Math.min(4, bytes.length + 1));
      int to = from + random.nextInt(bytes.length - from + 1);
      boolean expected = strictlyDecodes(bytes, from, to);
      assertThat(Utf8.isValid(bytes, from, to))
          .as("%s [%d, %d)", java.util.HexFormat.of().formatHex(bytes), from, to)
          .isEqualTo(expected);
      invalid += expected ? 0 : 1;
    }
    // Both outcomes are exercised, not only one.
    assertThat(invalid).isBetween(2_000, 18_000);
  }

  /** The ASCII check reads whole words, overlapping at the end: a stray byte anywhere is seen. */
  @Test
  void aStrayByteIsFoundAtEveryPositionOfShortStrings() {
    for (int length = 1; length <= 24; length++) {
      for (int at = 0; at < length; at++) {
        byte[] bytes = new byte[length + 2];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[1 + at] = (byte) 0x80;
        assertThat(Utf8.isValid(bytes, 1, 1 + length)).as("length %d, at %d", length, at).isFalse();
        bytes[1 + at] = (byte) 'z';
        assertThat(Utf8.isValid(bytes, 1, 1 + length)).as("length %d, ASCII", length).isTrue();
      }
    }
  }

  /** ASCII runs of any length around encoded characters, now and then a random byte. */
  private static byte[] mix(Random random) {
    ByteBuffer out = ByteBuffer.allocate(256);
    int pieces = 1 + random.nextInt(8);
    for (int p = 0; p < pieces; p++) {
      int ascii = random.nextInt(20);
      for (int i = 0; i < ascii; i++) {
        out.put((byte) (0x20 + random.nextInt(0x5F)));
      }
      switch (random.nextInt(5)) {
        case 0 ->
            out.put(
                new String(Character.toChars(0x80 + random.nextInt(0x780)))
                    .getBytes(StandardCharsets.UTF_8));
        case 1 -> out.put("€".getBytes(StandardCharsets.UTF_8));
        case 2 ->
            out.put(
                new String(Character.toChars(0x10000 + random.nextInt(0x100000)))
                    .getBytes(StandardCharsets.UTF_8));
        case 3 -> {
          if (random.nextInt(4) == 0) {
            out.put((byte) random.nextInt(256));
          }
        }
        default -> {}
      }
    }
    byte[] bytes = new byte[out.position()];
    out.flip().get(bytes);
    return bytes;
  }

  private static boolean strictlyDecodes(byte[] bytes, int from, int to) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
