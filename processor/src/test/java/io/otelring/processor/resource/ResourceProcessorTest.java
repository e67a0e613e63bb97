package io.otelring.processor.resource;

import static io.otelring.processor.TestItems.asMap;
import static io.otelring.processor.TestItems.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.otelring.core.component.Processor;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.TestItems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Go README's resource processor example, on every signal; item attributes are untouched. */
class ResourceProcessorTest {

  private static final String README =
      """
      attributes:
        - {key: cloud.availability_zone, value: "zone-1", action: upsert}
        - {key: k8s.cluster.name, from_attribute: k8s-cluster, action: insert}
        - {key: redundant-attribute, action: delete}
        - {key: tenant, from_context: metadata.x-tenant, action: insert}
      """;

  @ParameterizedTest
  @EnumSource(Signal.class)
  void readmeExample(Signal signal) throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    Processor processor =
        TestItems.processor(
            new ResourceProcessorFactory(), README, signal, next, new SimpleMeterRegistry());
    Resource resource =
        TestItems.resource(
            "cloud.availability_zone", "zone-0", "k8s-cluster", "blue", "redundant-attribute", 1);
    var scope = InstrumentationScope.getDefaultInstance();
    var itemAttributes = attributes("redundant-attribute", "stays on the item");
    ClientMetadata metadata = ClientMetadata.of(Map.of("X-Tenant", List.of("acme")));
    processor.consume(
        switch (signal) {
          case TRACES ->
              Telemetry.traces(
                  TestItems.traces(resource, scope, TestItems.span("s", itemAttributes)), metadata);
          case LOGS ->
              Telemetry.logs(
                  TestItems.logs(resource, scope, TestItems.log("b", itemAttributes)), metadata);
          case METRICS ->
              Telemetry.metrics(TestItems.gauge(resource, "m", itemAttributes), metadata);
        });
    Telemetry out = TestItems.only(next);
    Resource after =
        switch (signal) {
          case TRACES -> out.traces().getResourceSpans(0).getResource();
          case LOGS -> out.logs().getResourceLogs(0).getResource();
          case METRICS -> out.metrics().getResourceMetrics(0).getResource();
        };
    assertThat(asMap(after.getAttributesList()))
        .containsExactly(
            entry("cloud.availability_zone", "zone-1"),
            entry("k8s-cluster", "blue"),
            entry("k8s.cluster.name", "blue"),
            entry("tenant", "acme"));
    String itemJson =
        switch (signal) {
          case TRACES ->
              out.traces()
                  .getResourceSpans(0)
                  .getScopeSpans(0)
                  .getSpans(0)
                  .getAttributes(0)
                  .getKey();
          case LOGS ->
              out.logs()
                  .getResourceLogs(0)
                  .getScopeLogs(0)
                  .getLogRecords(0)
                  .getAttributes(0)
                  .getKey();
          case METRICS ->
              out.metrics()
                  .getResourceMetrics(0)
                  .getScopeMetrics(0)
                  .getMetrics(0)
                  .getGauge()
                  .getDataPoints(0)
                  .getAttributes(0)
                  .getKey();
        };
    assertThat(itemJson).isEqualTo("redundant-attribute");
  }
}
