package io.otelring.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ItemCounts;
import io.otelring.core.otlpjson.OtlpJsonFixtures;
import io.otelring.core.testing.Requests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scanner must accept exactly what protobuf-java's parser accepts, and count what {@link
 * ItemCounts} counts on the parsed message. Checked on rich fixtures (every value type, every
 * metric type) and on thousands of random corruptions of them.
 */
class WireScannerTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(Signal.TRACES, OtlpJsonFixtures.traces()),
        Arguments.of(Signal.TRACES, Requests.spans("scan", 40)),
        Arguments.of(Signal.METRICS, OtlpJsonFixtures.metrics()),
        Arguments.of(Signal.LOGS, OtlpJsonFixtures.logs()),
        Arguments.of(Signal.LOGS, Requests.logs("scan", 7)),
        Arguments.of(Signal.TRACES, attributesInAndAroundTheCommonForm()));
  }

  /**
   * Attributes in the form the scanner reads in one go (a key and a string or integer value, every
   * length one byte) and in the forms around it, which it leaves to the general walk.
   */
  static ExportTraceServiceRequest attributesInAndAroundTheCommonForm() {
    var request = Requests.spans("attributes", 1).toBuilder();
    request
        .getResourceSpansBuilder(0)
        .getResourceBuilder()
        .addAttributes(attribute("service.name", AnyValue.newBuilder().setStringValue("svc")));
    request
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .getSpansBuilder(0)
        .clearAttributes()
        .addAttributes(attribute("k", AnyValue.newBuilder().setStringValue("v")))
        .addAttributes(attribute("", AnyValue.newBuilder().setStringValue("")))
        .addAttributes(attribute("é", AnyValue.newBuilder().setStringValue("ü€\uD834\uDD1E")))
        .addAttributes(attribute("n", AnyValue.newBuilder().setIntValue(7)))
        .addAttributes(attribute("negative", AnyValue.newBuilder().setIntValue(-1)))
        .addAttributes(attribute("b", AnyValue.newBuilder().setBoolValue(true)))
        .addAttributes(attribute("d", AnyValue.newBuilder().setDoubleValue(1.5)))
        .addAttributes(attribute("unset", AnyValue.newBuilder()))
        // 127 bytes, the longest one-byte length, and 128, the shortest two-byte one
        .addAttributes(
            attribute("k".repeat(60), AnyValue.newBuilder().setStringValue("v".repeat(61))))
        .addAttributes(
            attribute("k".repeat(60), AnyValue.newBuilder().setStringValue("v".repeat(62))))
        // a run of string attributes, ASCII but for one in the middle, ending the list
        .addAttributes(attribute("a", AnyValue.newBuilder().setStringValue("b")))
        .addAttributes(attribute("c", AnyValue.newBuilder().setStringValue("ß")))
        .addAttributes(attribute("e", AnyValue.newBuilder().setStringValue("f")));
    return request.build();
  }

  private static KeyValue attribute(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  /**
   * Every byte of a request of attributes set to every other value: exhaustive near the fast path.
   */
  @Test
  void agreesWithTheParserOnEveryOneByteChangeToAttributes() throws Exception {
    byte[] original = attributesInAndAroundTheCommonForm().toByteArray();
    for (int at = 0; at < original.length; at++) {
      for (int value = 0; value < 256; value++) {
        byte[] changed = original.clone();
        changed[at] = (byte) value;
        Message parsed = parse(Signal.TRACES, changed);
        if (parsed == null) {
          assertThatThrownBy(() -> WireScanner.scan(Signal.TRACES, changed))
              .as("byte %d set to %d: the parser refuses", at, value)
              .isInstanceOf(MalformedWireException.class);
        } else {
          assertThat(WireScanner.scan(Signal.TRACES, changed).items())
              .as("byte %d set to %d: the parser accepts", at, value)
              .isEqualTo(count(Signal.TRACES, parsed));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("fixtures")
  void countsWhatTheParserCounts(Signal signal, Message request) throws Exception {
    assertThat(WireScanner.scan(signal, request.toByteArray()).items())
        .isEqualTo(count(signal, request));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("fixtures")
  void countingCheckedBytesGivesTheScansCount(Signal signal, Message request) throws Exception {
    byte[] bytes = request.toByteArray();
    assertThat(WireScanner.countChecked(signal, bytes))
        .isEqualTo(WireScanner.scan(signal, bytes).items());
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("fixtures")
  void acceptsExactlyWhatTheParserAccepts(Signal signal, Message request) throws Exception {
    byte[] original = request.toByteArray();
    Random random = new Random(original.length * 31L + signal.ordinal());
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] corrupt = corrupt(original, random);
      Message parsed = parse(signal, corrupt);
      if (parsed == null) {
        assertThatThrownBy(() -> WireScanner.scan(signal, corrupt))
            .as("round %d: the parser refuses these bytes", round)
            .isInstanceOf(MalformedWireException.class);
      } else {
        accepted++;
        assertThat(WireScanner.scan(signal, corrupt).items())
            .as("round %d: the parser accepts these bytes", round)
            .isEqualTo(count(signal, parsed));
      }
    }
    assertThat(accepted).as("some corruptions stay parsable").isPositive();
  }

  /**
   * A varint is at most ten bytes, and the tenth ends it. protobuf-java reading an array takes a
   * 64-bit one whose tenth byte still says "more" (it ignores the bit); Go's parser refuses it, and
   * so does the scanner: a backend written in Go would refuse the batch it ends up in.
   */
  @Test
  void refusesAVarintWhoseTenthByteSaysMoreFollows() throws Exception {
    byte[] minusOne = new byte[] {0x18, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01};
    assertThat(AnyValue.parseFrom(minusOne).getIntValue()).isEqualTo(-1);
    byte[] overlong = minusOne.clone();
    overlong[10] = (byte) 0x81;
    ExportTraceServiceRequest spans = Requests.spans("v", 1);
    KeyValue attribute =
        KeyValue.newBuilder().setKey("n").setValue(AnyValue.newBuilder().setIntValue(-1)).build();
    byte[] request =
        spans.toBuilder()
            .setResourceSpans(
                0,
                spans.getResourceSpans(0).toBuilder()
                    .setResource(Resource.newBuilder().addAttributes(attribute)))
            .build()
            .toByteArray();
    int at = indexOf(request, minusOne);
    byte[] corrupt = request.clone();
    System.arraycopy(overlong, 0, corrupt, at, overlong.length);

    assertThat(ExportTraceServiceRequest.parseFrom(corrupt)).isNotNull(); // the array fast path
    assertThat(parse(Signal.TRACES, corrupt)).as("byte by byte").isNull();
    assertThatThrownBy(() -> WireScanner.scan(Signal.TRACES, corrupt))
        .hasMessage("malformed varint");
  }

  /**
   * An integer attribute of eleven varint bytes, in a request written by hand: no parser takes it.
   */
  @Test
  void refusesAnIntegerAttributeOfElevenVarintBytes() throws Exception {
    byte[] value = new byte[12];
    value[0] = 0x18; // AnyValue.int_value
    java.util.Arrays.fill(value, 1, 11, (byte) 0xFF);
    value[11] = 0x01;
    ByteArrayOutputStream keyValue = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(keyValue);
    out.writeString(1, "n");
    out.writeByteArray(2, value);
    out.flush();
    byte[] request = nest(nest(nest(keyValue.toByteArray()))); // Resource, ResourceSpans, request

    assertThat(parse(Signal.TRACES, request)).isNull();
    assertThatThrownBy(() -> WireScanner.scan(Signal.TRACES, request))
        .hasMessage("malformed varint");
  }

  /** {@code inner} as field 1 of a message: attributes of a Resource, and so on outwards. */
  private static byte[] nest(byte[] inner) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(buffer);
    out.writeByteArray(1, inner);
    out.flush();
    return buffer.toByteArray();
  }

  @Test
  void refusesAStringThatIsNotUtf8() {
    byte[] bytes = Requests.spans("abc", 1).toByteArray();
    int name = indexOf(bytes, "abc-0".getBytes());
    bytes[name] = (byte) 0xC3; // a lead byte followed by an ASCII byte

    assertThatThrownBy(() -> ExportTraceServiceRequest.parseFrom(bytes))
        .isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> WireScanner.scan(Signal.TRACES, bytes))
        .hasMessage("a string field is not valid UTF-8");
  }

  @Test
  void agreesWithTheParsersNestingLimitOnEitherSideOfIt() throws Exception {
    int accepted = 0;
    int refused = 0;
    for (int depth = 40; depth <= 56; depth++) {
      AnyValue value = AnyValue.newBuilder().setStringValue("leaf").build();
      for (int i = 0; i < depth; i++) {
        value =
            AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(value)).build();
      }
      var request = Requests.logs("deep", 1).toBuilder();
      request
          .getResourceLogsBuilder(0)
          .getScopeLogsBuilder(0)
          .getLogRecordsBuilder(0)
          .setBody(value);
      byte[] bytes = request.build().toByteArray();

      if (parse(Signal.LOGS, bytes) != null) {
        accepted++;
        assertThat(WireScanner.scan(Signal.LOGS, bytes).items()).as("depth %d", depth).isEqualTo(1);
      } else {
        refused++;
        assertThatThrownBy(() -> WireScanner.scan(Signal.LOGS, bytes))
            .as("depth %d", depth)
            .hasMessage("messages nested too deeply");
      }
    }
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void skipsUnknownFieldsGroupsIncludedAsTheParserDoes() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(buffer);
    out.writeByteArray(1, Requests.spans("a", 2).getResourceSpans(0).toByteArray());
    out.writeUInt64(99, 7); // unknown varint
    out.writeTag(98, 3); // unknown group
    out.writeString(1, "inside the group");
    out.writeTag(98, 4);
    out.writeFixed32(1, 5); // a known field number with another wire type: kept as unknown
    out.flush();
    byte[] bytes = buffer.toByteArray();

    assertThat(parse(Signal.TRACES, bytes)).isNotNull();
    assertThat(WireScanner.scan(Signal.TRACES, bytes).items()).isEqualTo(2);
  }

  @Test
  void flagsIdsOfImpossibleLengthsWhichReceiversScreen() throws Exception {
    var good = Requests.spans("ids", 3);
    var shortTrace = good.toBuilder();
    shortTrace
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .getSpansBuilder(1)
        .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[5]));
    var emptyIds = good.toBuilder();
    emptyIds
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .getSpansBuilder(1)
        .clearTraceId()
        .clearSpanId();

    assertThat(WireScanner.scan(Signal.TRACES, good.toByteArray()))
        .isEqualTo(new WireScanner.Result(3, false));
    assertThat(WireScanner.scan(Signal.TRACES, shortTrace.build().toByteArray()))
        .isEqualTo(new WireScanner.Result(3, true));
    assertThat(WireScanner.scan(Signal.TRACES, emptyIds.build().toByteArray()))
        .as("empty ids are not screened")
        .isEqualTo(new WireScanner.Result(3, false));
  }

  private static byte[] corrupt(byte[] original, Random random) {
    byte[] bytes;
    switch (random.nextInt(4)) {
      case 0 -> {
        bytes = original.clone();
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      case 1 -> {
        bytes = original.clone();
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
      }
      case 2 -> {
        bytes = java.util.Arrays.copyOf(original, random.nextInt(original.length));
      }
      default -> {
        int at = random.nextInt(original.length);
        bytes = new byte[original.length + 1];
        System.arraycopy(original, 0, bytes, 0, at);
        bytes[at] = (byte) random.nextInt(256);
        System.arraycopy(original, at, bytes, at + 1, original.length - at);
      }
    }
    return bytes;
  }

  /**
   * protobuf-java's parse, reading the bytes one at a time: from an array its fast path takes a
   * ten-byte 64-bit varint whose last byte still has its continuation bit set (ignoring the bit),
   * which its byte-by-byte path, Go's parser and the scanner refuse as malformed.
   */
  private static Message parse(Signal signal, byte[] bytes) {
    try {
      CodedInputStream input = CodedInputStream.newInstance(new ByteArrayInputStream(bytes), 1);
      return switch (signal) {
        case TRACES -> ExportTraceServiceRequest.parseFrom(input);
        case METRICS -> ExportMetricsServiceRequest.parseFrom(input);
        case LOGS -> ExportLogsServiceRequest.parseFrom(input);
      };
    } catch (IOException e) {
      return null;
    }
  }

  private static int count(Signal signal, Message request) {
    return switch (signal) {
      case TRACES -> ItemCounts.spans((ExportTraceServiceRequest) request);
      case METRICS -> ItemCounts.dataPoints((ExportMetricsServiceRequest) request);
      case LOGS -> ItemCounts.logRecords((ExportLogsServiceRequest) request);
    };
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
