package io.otelring.core.otlpjson;

import static io.otelring.core.otlpjson.OtlpJsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OtlpJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void handWrittenTracesDecodeToTheSameProtobuf() throws Exception {
    assertThat(OtlpJson.decodeTraces(json("traces.json"))).isEqualTo(OtlpJsonFixtures.traces());
  }

  @Test
  void handWrittenMetricsDecodeToTheSameProtobuf() throws Exception {
    assertThat(OtlpJson.decodeMetrics(json("metrics.json"))).isEqualTo(OtlpJsonFixtures.metrics());
  }

  @Test
  void handWrittenLogsDecodeToTheSameProtobuf() throws Exception {
    assertThat(OtlpJson.decodeLogs(json("logs.json"))).isEqualTo(OtlpJsonFixtures.logs());
  }

  @Test
  void aStreamDecodesAsBytesDo() throws Exception {
    assertThat(
            OtlpJson.decode(
                new ByteArrayInputStream(json("traces.json")),
                ExportTraceServiceRequest.getDefaultInstance()))
        .isEqualTo(OtlpJsonFixtures.traces());
  }

  static Stream<Message> messages() {
    return Stream.of(
        OtlpJsonFixtures.traces(),
        OtlpJsonFixtures.metrics(),
        OtlpJsonFixtures.logs(),
        ExportTraceServiceResponse.getDefaultInstance(),
        ExportTraceServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportTracePartialSuccess.newBuilder().setRejectedSpans(2).setErrorMessage("bad"))
            .build(),
        ExportMetricsServiceResponse.newBuilder()
            .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(3))
            .build(),
        ExportLogsServiceResponse.newBuilder()
            .setPartialSuccess(
                ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(1).setErrorMessage("x"))
            .build(),
        Status.newBuilder().setCode(3).setMessage("the body is not valid").build());
  }

  @ParameterizedTest
  @MethodSource("messages")
  void theEncoderRoundTrips(Message message) throws Exception {
    byte[] encoded = OtlpJson.encode(message);

    assertThat(OtlpJson.decode(encoded, message.getDefaultInstanceForType())).isEqualTo(message);
  }

  @Test
  void theEncoderWritesTheOtlpForms() throws Exception {
    JsonNode root = MAPPER.readTree(OtlpJson.encode(OtlpJsonFixtures.traces()));
    JsonNode resource = root.at("/resourceSpans/0/resource");
    JsonNode span = root.at("/resourceSpans/0/scopeSpans/0/spans/0");

    assertThat(span.get("traceId").textValue()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(span.get("spanId").textValue()).isEqualTo("eee19b7ec3c1b174");
    assertThat(span.get("parentSpanId").textValue()).isEqualTo("eee19b7ec3c1b173");
    assertThat(span.at("/links/0/traceId").textValue())
        .isEqualTo("0102030405060708090a0b0c0d0e0f10");
    assertThat(span.get("kind").isInt()).isTrue();
    assertThat(span.get("kind").intValue()).isEqualTo(3);
    assertThat(span.at("/status/code").intValue()).isEqualTo(2);
    assertThat(span.get("startTimeUnixNano").textValue()).isEqualTo("1544712660000000000");
    assertThat(span.get("flags").intValue()).isEqualTo(257);
    assertThat(span.has("droppedAttributesCount")).as("defaults are left out").isFalse();
    assertThat(resource.at("/attributes/2/value/intValue").textValue()).isEqualTo("42");
    assertThat(resource.at("/attributes/7/value/bytesValue").textValue()).isEqualTo("AQID/w==");
    assertThat(resource.at("/attributes/8/value").isEmpty()).isTrue();
    assertThat(root.at("/resourceSpans/0/scopeSpans/0/schemaUrl").isTextual()).isTrue();
    assertThat(keys(root)).isNotEmpty().noneMatch(key -> key.contains("_"));
  }

  private static java.util.List<String> keys(JsonNode node) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    node.fields()
        .forEachRemaining(
            entry -> {
              keys.add(entry.getKey());
              keys.addAll(keys(entry.getValue()));
            });
    if (node.isArray()) {
      node.elements().forEachRemaining(child -> keys.addAll(keys(child)));
    }
    return keys;
  }

  @Test
  void zeroValuesThatAreSetAreWritten() throws Exception {
    JsonNode logs = MAPPER.readTree(OtlpJson.encode(OtlpJsonFixtures.logs()));
    JsonNode metrics = MAPPER.readTree(OtlpJson.encode(OtlpJsonFixtures.metrics()));

    assertThat(logs.at("/resourceLogs/0/scopeLogs/0/logRecords/2/body/doubleValue").textValue())
        .isEqualTo("NaN");
    JsonNode point =
        metrics.at("/resourceMetrics/0/scopeMetrics/0/metrics/2/histogram/dataPoints/1");
    assertThat(point.get("sum").doubleValue()).isZero();
    assertThat(point.has("count")).isFalse();
    assertThat(point.has("min")).isFalse();
    assertThat(
            metrics
                .at("/resourceMetrics/0/scopeMetrics/0/metrics/1/sum/dataPoints/0/asInt")
                .textValue())
        .isEqualTo("12");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json          | {"resourceSpans": [                                   | not valid JSON:
          not an object     | [1, 2]                                                | the body must be a JSON object
          trailing garbage  | {} {}                                                 | unexpected content after the JSON object
          array expected    | {"resourceSpans": {}}                                 | resourceSpans: must be an array
          object expected   | {"resourceSpans": [1]}                                | resourceSpans[0]: must be an object
          bad hex id        | {"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "zz"}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].traceId: must be a hex string, got "zz"
          odd hex id        | {"resourceSpans": [{"scopeSpans": [{"spans": [{"spanId": "abc"}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].spanId: must be a hex string, got "abc"
          bad time          | {"resourceSpans": [{"scopeSpans": [{"spans": [{"startTimeUnixNano": "soon"}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: must be an integer, got "soon"
          negative fixed64  | {"resourceSpans": [{"scopeSpans": [{"spans": [{"endTimeUnixNano": -1}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano: must be an unsigned 64-bit integer, got -1
          bad enum          | {"resourceSpans": [{"scopeSpans": [{"spans": [{"kind": "SPAN_KIND_NOPE"}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].kind: must be a SpanKind number or name, got "SPAN_KIND_NOPE"
          name not string   | {"resourceSpans": [{"scopeSpans": [{"spans": [{"name": 5}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].name: must be a string
          int32 too big     | {"resourceSpans": [{"scopeSpans": [{"spans": [{"flags": 4294967296}]}]}]} | resourceSpans[0].scopeSpans[0].spans[0].flags: must be an unsigned 32-bit integer, got 4294967296
          bad base64        | {"resourceSpans": [{"resource": {"attributes": [{"key": "k", "value": {"bytesValue": "!!"}}]}}]} | resourceSpans[0].resource.attributes[0].value.bytesValue: must be base64, got "!!"
          bad bool          | {"resourceSpans": [{"resource": {"attributes": [{"key": "k", "value": {"boolValue": 1}}]}}]} | resourceSpans[0].resource.attributes[0].value.boolValue: must be true or false, got 1
          fraction int      | {"resourceSpans": [{"resource": {"attributes": [{"key": "k", "value": {"intValue": 1.5}}]}}]} | resourceSpans[0].resource.attributes[0].value.intValue: must be an integer, got 1.5
          """)
  void badDocumentsAreRefusedWithAShortReasonAndAPath(String name, String json, String message) {
    assertThatThrownBy(() -> OtlpJson.decodeTraces(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OtlpJsonException.class)
        .message()
        .startsWith(message);
  }

  @Test
  void nestingDeeperThanProtobufAllowsIsRefused() {
    String open = "{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":";
    String close = "}]}}";
    String value = open.repeat(60) + "{}" + close.repeat(60);
    String json =
        "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
            + value
            + "}]}}]}";

    assertThatThrownBy(() -> OtlpJson.decodeTraces(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OtlpJsonException.class);
  }

  @Test
  void integersAndEnumsAreReadInEveryAllowedForm() throws Exception {
    String json =
        """
        {"resourceSpans": [{"scopeSpans": [{"spans": [
          {"kind": "2", "startTimeUnixNano": 1.0E3, "endTimeUnixNano": "18446744073709551615",
           "droppedAttributesCount": "4294967295", "flags": null}
        ]}]}]}
        """;

    var span =
        OtlpJson.decodeTraces(json.getBytes(StandardCharsets.UTF_8))
            .getResourceSpans(0)
            .getScopeSpans(0)
            .getSpans(0);

    assertThat(span.getKindValue()).isEqualTo(2);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1000);
    assertThat(Long.toUnsignedString(span.getEndTimeUnixNano())).isEqualTo("18446744073709551615");
    assertThat(Integer.toUnsignedLong(span.getDroppedAttributesCount())).isEqualTo(4294967295L);
    assertThat(MAPPER.readTree(OtlpJson.encode(span)).get("endTimeUnixNano").textValue())
        .isEqualTo("18446744073709551615");
  }

  @Test
  void anUnknownEnumNumberIsKept() throws Exception {
    String json = "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"kind\": 42}]}]}]}";

    var span =
        OtlpJson.decodeTraces(json.getBytes(StandardCharsets.UTF_8))
            .getResourceSpans(0)
            .getScopeSpans(0)
            .getSpans(0);

    assertThat(span.getKindValue()).isEqualTo(42);
  }
}
