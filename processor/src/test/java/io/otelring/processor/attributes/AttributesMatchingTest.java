package io.otelring.processor.attributes;

import static io.otelring.processor.TestItems.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.TestItems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * include/exclude on spans, log records and metrics, with the Go collector's documented examples:
 * each case says whether the action (delete {@code credit_card}) ran.
 */
class AttributesMatchingTest {

  private static final String ACTIONS =
      """
      actions:
        - {key: credit_card, action: delete}
      """;

  private static boolean spanProcessed(
      String match, Resource resource, InstrumentationScope scope, Span.Builder span)
      throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new AttributesProcessorFactory(),
            match + ACTIONS,
            Signal.TRACES,
            next,
            new SimpleMeterRegistry());
    span.addAttributes(attributes("credit_card", "1234").get(0));
    processor.consume(Telemetry.traces(TestItems.traces(resource, scope, span.build())));
    return TestItems.only(next)
        .traces()
        .getResourceSpans(0)
        .getScopeSpans(0)
        .getSpans(0)
        .getAttributesList()
        .stream()
        .noneMatch(kv -> kv.getKey().equals("credit_card"));
  }

  private static boolean spanProcessed(String match, String service, String name, Object... attrs)
      throws Exception {
    return spanProcessed(
        match,
        TestItems.resource("service.name", service),
        InstrumentationScope.getDefaultInstance(),
        Span.newBuilder().setName(name).addAllAttributes(attributes(attrs)));
  }

  @Test
  void excludeMultiNeedsServiceAndEveryAttribute() throws Exception {
    String match =
        """
        exclude:
          match_type: strict
          services: ["svcA", "svcB"]
          attributes:
            - {key: env, value: "dev"}
            - {key: test_request}
        """;
    assertThat(spanProcessed(match, "svcB", "s1", "env", "dev", "test_request", 123)).isFalse();
    assertThat(spanProcessed(match, "svcA", "s2", "env", "dev", "test_request", false)).isFalse();
    assertThat(spanProcessed(match, "svcB", "s3", "env", 1, "test_request", "dev")).isTrue();
    assertThat(spanProcessed(match, "svcC", "s4", "env", "dev", "test_request", false)).isTrue();
  }

  @Test
  void includeServicesByRegexp() throws Exception {
    String match = "include: {match_type: regexp, services: [\"auth.*\", \"login.*\"]}\n";
    assertThat(spanProcessed(match, "authservice", "x")).isTrue();
    assertThat(spanProcessed(match, "my-login-svc", "x")).isTrue(); // unanchored, as Go
    assertThat(spanProcessed(match, "billing", "x")).isFalse();
  }

  @Test
  void selectiveProcessingIncludeThenExclude() throws Exception {
    String match =
        """
        include: {match_type: strict, services: ["svcA", "svcB"]}
        exclude:
          match_type: strict
          attributes:
            - {key: redact_trace, value: false}
        """;
    assertThat(spanProcessed(match, "svcB", "1", "env", "production", "redact_trace", "false"))
        .isTrue(); // a string "false" is not the boolean false
    assertThat(spanProcessed(match, "svcA", "2", "env", "staging", "redact_trace", true)).isTrue();
    assertThat(spanProcessed(match, "svcB", "3", "env", "production", "redact_trace", false))
        .isFalse();
    assertThat(spanProcessed(match, "svcC", "4", "env", "dev")).isFalse();
  }

  @Test
  void servicesAndSpanNamesByRegexp() throws Exception {
    String match =
        """
        include: {match_type: regexp, services: ["auth.*"]}
        exclude: {match_type: regexp, span_names: ["login.*"]}
        """;
    assertThat(spanProcessed(match, "auth", "password-reset")).isTrue();
    assertThat(spanProcessed(match, "auth", "login-form")).isFalse();
    assertThat(spanProcessed(match, "billing", "charge")).isFalse();
  }

  @Test
  void attributeValuesByRegexpMatchScalarsAsText() throws Exception {
    String match =
        """
        include:
          match_type: regexp
          attributes:
            - {key: db.statement, value: 'SELECT \\* FROM USERS.*'}
            - {key: code, value: '^2\\d\\d$'}
        """;
    assertThat(
            spanProcessed(
                match, "s", "q", "db.statement", "SELECT * FROM USERS WHERE", "code", 200))
        .isTrue();
    assertThat(spanProcessed(match, "s", "q", "db.statement", "SELECT * FROM ORDERS", "code", 200))
        .isFalse();
    assertThat(spanProcessed(match, "s", "q", "db.statement", "SELECT * FROM USERS", "code", 404))
        .isFalse();
  }

  @Test
  void resourcesLibrariesAndSpanKinds() throws Exception {
    String resources =
        "exclude: {match_type: strict, resources: [{key: host.type, value: n1-standard-1}]}\n";
    Span.Builder span = Span.newBuilder().setName("s");
    assertThat(
            spanProcessed(
                resources,
                TestItems.resource("host.type", "n1-standard-1"),
                InstrumentationScope.getDefaultInstance(),
                span.clone()))
        .isFalse();
    assertThat(
            spanProcessed(
                resources,
                TestItems.resource("host.type", "n2"),
                InstrumentationScope.getDefaultInstance(),
                span.clone()))
        .isTrue();

    String libraries =
        "exclude: {match_type: strict, libraries: [{name: mongo-java-driver, version: 3.8.0}]}\n";
    assertThat(
            spanProcessed(
                libraries,
                Resource.getDefaultInstance(),
                scope("mongo-java-driver", "3.8.0"),
                span.clone()))
        .isFalse();
    assertThat(
            spanProcessed(
                libraries,
                Resource.getDefaultInstance(),
                scope("mongo-java-driver", "3.9.0"),
                span.clone()))
        .isTrue();
    String anyVersion = "exclude: {match_type: strict, libraries: [{name: mongo-java-driver}]}\n";
    assertThat(
            spanProcessed(
                anyVersion,
                Resource.getDefaultInstance(),
                scope("mongo-java-driver", ""),
                span.clone()))
        .isFalse();
    String blankVersion =
        "exclude: {match_type: strict, libraries: [{name: mongo-java-driver, version: \"\"}]}\n";
    assertThat(
            spanProcessed(
                blankVersion,
                Resource.getDefaultInstance(),
                scope("mongo-java-driver", "1"),
                span.clone()))
        .isTrue();

    String kinds = "include: {match_type: strict, span_kinds: [SPAN_KIND_SERVER]}\n";
    assertThat(
            spanProcessed(
                kinds,
                Resource.getDefaultInstance(),
                InstrumentationScope.getDefaultInstance(),
                span.clone().setKind(Span.SpanKind.SPAN_KIND_SERVER)))
        .isTrue();
    assertThat(
            spanProcessed(
                kinds,
                Resource.getDefaultInstance(),
                InstrumentationScope.getDefaultInstance(),
                span.clone().setKind(Span.SpanKind.SPAN_KIND_CLIENT)))
        .isFalse();
  }

  private static boolean logProcessed(String match, LogRecord.Builder record) throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new AttributesProcessorFactory(),
            match + ACTIONS,
            Signal.LOGS,
            next,
            new SimpleMeterRegistry());
    record.addAttributes(attributes("credit_card", "1234").get(0));
    processor.consume(
        Telemetry.logs(
            TestItems.logs(
                Resource.getDefaultInstance(),
                InstrumentationScope.getDefaultInstance(),
                record.build())));
    List<KeyValue> after =
        TestItems.only(next)
            .logs()
            .getResourceLogs(0)
            .getScopeLogs(0)
            .getLogRecords(0)
            .getAttributesList();
    return after.isEmpty();
  }

  @Test
  void logBodiesSeverityTextsAndNumbers() throws Exception {
    String bodies = "include: {match_type: regexp, log_bodies: [\"AUTH.*\"]}\n";
    assertThat(logProcessed(bodies, TestItems.log("AUTH failed", List.of()).toBuilder())).isTrue();
    assertThat(logProcessed(bodies, TestItems.log("ok", List.of()).toBuilder())).isFalse();

    String texts = "include: {match_type: regexp, log_severity_texts: [\"debug.*\"]}\n";
    assertThat(logProcessed(texts, LogRecord.newBuilder().setSeverityText("debug2"))).isTrue();
    assertThat(logProcessed(texts, LogRecord.newBuilder().setSeverityText("info"))).isFalse();

    String numbers =
        "include: {match_type: strict, log_severity_number: {min: WARN, match_undefined: true}}\n";
    assertThat(
            logProcessed(
                numbers,
                LogRecord.newBuilder().setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR)))
        .isTrue();
    assertThat(
            logProcessed(
                numbers,
                LogRecord.newBuilder().setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)))
        .isFalse();
    assertThat(logProcessed(numbers, LogRecord.newBuilder())).isTrue();
    String numeric = "include: {match_type: strict, log_severity_number: {min: 13}}\n";
    assertThat(logProcessed(numeric, LogRecord.newBuilder())).isFalse();
    assertThat(
            logProcessed(
                numeric,
                LogRecord.newBuilder().setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)))
        .isTrue();
  }

  @Test
  void metricsMatchOnNamesAndResources() throws Exception {
    String match =
        """
        include: {match_type: regexp, metric_names: ["^http\\\\."]}
        exclude: {match_type: strict, resources: [{key: env, value: test}]}
        """;
    assertThat(metricProcessed(match, "http.duration", TestItems.resource("env", "prod"))).isTrue();
    assertThat(metricProcessed(match, "db.duration", TestItems.resource("env", "prod"))).isFalse();
    assertThat(metricProcessed(match, "http.duration", TestItems.resource("env", "test")))
        .isFalse();
    // Span properties do not apply to metrics; as in Go, such a block selects every metric.
    assertThat(
            metricProcessed(
                "include: {match_type: strict, services: [x]}\n",
                "m",
                Resource.getDefaultInstance()))
        .isTrue();
  }

  private static boolean metricProcessed(String match, String name, Resource resource)
      throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new AttributesProcessorFactory(),
            match + ACTIONS,
            Signal.METRICS,
            next,
            new SimpleMeterRegistry());
    processor.consume(
        Telemetry.metrics(TestItems.gauge(resource, name, attributes("credit_card", "1"))));
    return TestItems.only(next)
            .metrics()
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0)
            .getGauge()
            .getDataPoints(0)
            .getAttributesCount()
        == 0;
  }

  @Test
  void blocksThatDoNotFitTheSignalAreRefusedAtCreation() {
    assertThatThrownBy(
            () ->
                logProcessed(
                    "include: {match_type: strict, services: [a]}\n", LogRecord.newBuilder()))
        .hasMessage("include: services, span_names, and span_kinds are not valid for log records");
    assertThatThrownBy(
            () -> spanProcessed("exclude: {match_type: strict, log_bodies: [a]}\n", "s", "n"))
        .hasMessage("exclude: log_bodies should not be specified for trace spans");
    assertThatThrownBy(() -> spanProcessed("include: {match_type: strict}\n", "s", "n"))
        .hasMessage(
            "include: at least one of \"services\", \"span_names\", \"span_kinds\", \"attributes\","
                + " \"libraries\" or \"resources\" field must be specified");
  }

  @Test
  void untouchedRequestIsHandedOnAsIs() throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new AttributesProcessorFactory(),
            ACTIONS,
            Signal.TRACES,
            next,
            new SimpleMeterRegistry());
    Telemetry in =
        Telemetry.traces(
            TestItems.traces(
                Resource.getDefaultInstance(),
                InstrumentationScope.getDefaultInstance(),
                TestItems.span("s", attributes("a", 1))));
    processor.consume(in);
    assertThat(TestItems.only(next)).isSameAs(in);
  }

  private static InstrumentationScope scope(String name, String version) {
    return InstrumentationScope.newBuilder().setName(name).setVersion(version).build();
  }
}
