package io.otelring.processor.attributes;

import static io.otelring.processor.TestItems.asMap;
import static io.otelring.processor.TestItems.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.TestItems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action on spans, log records and metric data points, with the examples of the Go
 * collector's attributes processor (README and testdata/config.yaml).
 */
class AttributesActionsTest {

  /** Runs the processor over one item of the signal with these attributes; its attributes after. */
  static Map<String, Object> run(
      String yaml, Signal signal, List<KeyValue> attributes, ClientMetadata metadata)
      throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new AttributesProcessorFactory(), yaml, signal, next, new SimpleMeterRegistry());
    var resource = TestItems.resource("service.name", "svc");
    var scope = InstrumentationScope.getDefaultInstance();
    Telemetry in =
        switch (signal) {
          case TRACES ->
              Telemetry.traces(
                  TestItems.traces(resource, scope, TestItems.span("op", attributes)), metadata);
          case LOGS ->
              Telemetry.logs(
                  TestItems.logs(resource, scope, TestItems.log("body", attributes)), metadata);
          case METRICS -> Telemetry.metrics(TestItems.gauge(resource, "m", attributes), metadata);
        };
    processor.consume(in);
    Telemetry out = TestItems.only(next);
    assertThat(out.metadata()).isEqualTo(metadata);
    return asMap(
        switch (signal) {
          case TRACES ->
              out.traces().getResourceSpans(0).getScopeSpans(0).getSpans(0).getAttributesList();
          case LOGS ->
              out.logs().getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getAttributesList();
          case METRICS ->
              out.metrics()
                  .getResourceMetrics(0)
                  .getScopeMetrics(0)
                  .getMetrics(0)
                  .getGauge()
                  .getDataPoints(0)
                  .getAttributesList();
        });
  }

  static Map<String, Object> run(String yaml, Signal signal, List<KeyValue> attributes)
      throws Exception {
    return run(yaml, signal, attributes, ClientMetadata.EMPTY);
  }

  private static final String INSERT =
      """
      actions:
        - {key: attribute1, value: 123, action: insert}
        - {key: string key, from_attribute: anotherkey, action: insert}
      """;

  @ParameterizedTest
  @EnumSource(Signal.class)
  void insertAddsOnlyMissingKeys(Signal signal) throws Exception {
    assertThat(run(INSERT, signal, attributes("anotherkey", "v")))
        .containsExactly(
            entry("anotherkey", "v"), entry("attribute1", 123L), entry("string key", "v"));
    assertThat(run(INSERT, signal, attributes("attribute1", "kept", "string key", "kept too")))
        .containsExactly(entry("attribute1", "kept"), entry("string key", "kept too"));
    // No "anotherkey": nothing to copy, no key inserted.
    assertThat(run(INSERT, signal, attributes())).containsExactly(entry("attribute1", 123L));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void updateChangesOnlyExistingKeys(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: boo, from_attribute: foo, action: update}
          - {key: db.secret, value: redacted, action: update}
        """;
    assertThat(run(yaml, signal, attributes("boo", "old", "foo", "new", "db.secret", "pw")))
        .containsExactly(entry("boo", "new"), entry("foo", "new"), entry("db.secret", "redacted"));
    assertThat(run(yaml, signal, attributes("foo", "new"))).containsExactly(entry("foo", "new"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void upsertSetsAlwaysAndCopies(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: region, value: planet-earth, action: upsert}
          - {key: new_user_key, from_attribute: user_key, action: upsert}
        """;
    assertThat(run(yaml, signal, attributes("region", "mars", "user_key", 7)))
        .containsExactly(
            entry("region", "planet-earth"), entry("user_key", 7L), entry("new_user_key", 7L));
    assertThat(run(yaml, signal, attributes())).containsExactly(entry("region", "planet-earth"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void deleteByKeyAndPattern(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: credit_card, action: delete}
          - {key: duplicate_key, action: delete}
          - {pattern: ^secret\\., action: delete}
        """;
    assertThat(
            run(
                yaml,
                signal,
                attributes(
                    "credit_card",
                    "1234",
                    "keep",
                    1,
                    "duplicate_key",
                    "x",
                    "secret.a",
                    "s",
                    "secret.b",
                    "t",
                    "not.secret.c",
                    "u")))
        .containsExactly(entry("keep", 1L), entry("not.secret.c", "u"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void hashIsSha256HexOfTheValueAsGoWritesIt(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: user.email, action: hash}
          - {pattern: ^num\\., action: hash}
        """;
    Map<String, Object> out =
        run(
            yaml,
            signal,
            attributes(
                "user.email", "john@example.com", "num.int", 1, "num.bool", true, "num.empty", ""));
    assertThat(out)
        .containsEntry("user.email", sha256("john@example.com".getBytes(StandardCharsets.UTF_8)))
        // Int: the 8 little-endian bytes of the int64; bool: one byte.
        .containsEntry("num.int", sha256(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}))
        .containsEntry("num.bool", sha256(new byte[] {1}))
        // Go hashes nothing for an empty string and sets "".
        .containsEntry("num.empty", "");
    assertThat(out.get("user.email"))
        .isEqualTo("855f96e983f1f8e8be944692b6f719fd54329826cb62e98015efee8e2e071dd4");
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void extractNamedGroupsOverwritesTargets(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - key: http.url
            pattern: ^(?P<http_protocol>.*):\\/\\/(?P<http_domain>.*)\\/(?P<http_path>.*)[?&](?P<http_query_params>.*)
            action: extract
        """;
    assertThat(
            run(
                yaml,
                signal,
                attributes(
                    "http.url",
                    "http://example.com/path?queryParam1=value1,queryParam2=value2",
                    "http_domain",
                    "old")))
        .containsExactly(
            entry("http.url", "http://example.com/path?queryParam1=value1,queryParam2=value2"),
            entry("http_domain", "example.com"),
            entry("http_protocol", "http"),
            entry("http_path", "path"),
            entry("http_query_params", "queryParam1=value1,queryParam2=value2"));
    // Not a string, or no match: nothing happens.
    assertThat(run(yaml, signal, attributes("http.url", 5))).containsExactly(entry("http.url", 5L));
    assertThat(run(yaml, signal, attributes("http.url", "nope")))
        .containsExactly(entry("http.url", "nope"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void convertChangesTypesWhereGoCan(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: http.status_code, action: convert, converted_type: int}
          - {key: not_a_number, action: convert, converted_type: int}
          - {key: d, action: convert, converted_type: int}
          - {key: b, action: convert, converted_type: double}
          - {key: s, action: convert, converted_type: double}
          - {key: i, action: convert, converted_type: string}
          - {key: f, action: convert, converted_type: string}
        """;
    assertThat(
            run(
                yaml,
                signal,
                attributes(
                    "http.status_code",
                    "200",
                    "not_a_number",
                    "2x",
                    "d",
                    -3.9,
                    "b",
                    true,
                    "s",
                    "1.5",
                    "i",
                    42,
                    "f",
                    0.1)))
        .containsExactly(
            entry("http.status_code", 200L),
            entry("not_a_number", "2x"),
            entry("d", -3L),
            entry("b", 1.0),
            entry("s", 1.5),
            entry("i", "42"),
            entry("f", "0.1"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void complexExampleBackfillsCopiesAndDeletes(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: operation, value: default, action: insert}
          - {key: svc.operation, from_attribute: operation, action: upsert}
          - {key: operation, action: delete}
        """;
    assertThat(
            run(
                yaml,
                signal,
                attributes("timeout", 10, "svc.operation", "addition", "operation", "addition")))
        .containsOnly(entry("timeout", 10L), entry("svc.operation", "addition"));
    assertThat(run(yaml, signal, attributes("operation", "subtract", "math_value", 123)))
        .containsOnly(entry("svc.operation", "subtract"), entry("math_value", 123L));
    assertThat(run(yaml, signal, attributes("timeout", 10, "math_value", 4)))
        .containsOnly(
            entry("svc.operation", "default"), entry("timeout", 10L), entry("math_value", 4L));
    assertThat(run(yaml, signal, attributes("svc.operation", "division", "timeout", 3)))
        .containsOnly(entry("svc.operation", "default"), entry("timeout", 3L));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void fromContextReadsClientMetadata(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: origin, from_context: metadata.origin, action: insert}
          - {key: tenant, from_context: X-Tenant, action: insert}
          - {key: enduser.id, from_context: auth.subject, action: insert}
          - {key: region, from_attribute: cloud.region, default_value: us-east-1, action: insert}
          - {key: tenant_id, from_context: metadata.tenant, default_value: default-tenant, action: upsert}
        """;
    ClientMetadata metadata =
        ClientMetadata.of(Map.of("Origin", List.of("a", "b"), "x-tenant", List.of("acme")));
    assertThat(run(yaml, signal, attributes(), metadata))
        .containsExactly(
            entry("origin", "a;b"),
            entry("tenant", "acme"),
            entry("region", "us-east-1"),
            entry("tenant_id", "default-tenant"));
  }

  @ParameterizedTest
  @EnumSource(Signal.class)
  void valuesKeepTheirYamlTypes(Signal signal) throws Exception {
    String yaml =
        """
        actions:
          - {key: redacted_span, value: true, action: upsert}
          - {key: account_id, value: 2245, action: insert}
          - {key: ratio, value: 0.25, action: insert}
          - {key: list, value: [a, 1], action: insert}
        """;
    assertThat(run(yaml, signal, attributes()))
        .containsExactly(
            entry("redacted_span", true),
            entry("account_id", 2245L),
            entry("ratio", 0.25),
            entry("list", "[\"a\",1]"));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
