package io.otelring.processor.batch;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds real OTLP requests of each signal from a small outline (resources holding scopes holding
 * named items), and flattens a request back into one line per item that names everything the item
 * is grouped under — resource attributes, schema URLs, scope, metric — so that a test can check
 * that batching moved every item exactly once, in order, under the right resource and scope.
 */
enum SignalFixture {
  TRACES(Signal.TRACES) {
    @Override
    Telemetry request(ClientMetadata metadata, List<Res> resources) {
      var request = ExportTraceServiceRequest.newBuilder();
      for (Res res : resources) {
        var group =
            ResourceSpans.newBuilder().setResource(res.resource()).setSchemaUrl(res.schemaUrl());
        for (Scp scp : res.scopes()) {
          var scope = ScopeSpans.newBuilder().setScope(scp.scope()).setSchemaUrl(scp.schemaUrl());
          for (String item : scp.items()) {
            scope.addSpans(Span.newBuilder().setName(item).setKind(Span.SpanKind.SPAN_KIND_SERVER));
          }
          group.addScopeSpans(scope);
        }
        request.addResourceSpans(group);
      }
      return Telemetry.traces(request.build(), metadata);
    }

    @Override
    List<String> items(Telemetry telemetry) {
      List<String> lines = new ArrayList<>();
      for (ResourceSpans group : telemetry.traces().getResourceSpansList()) {
        for (ScopeSpans scope : group.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            lines.add(
                line(
                        group.getResource(),
                        group.getSchemaUrl(),
                        scope.getScope(),
                        scope.getSchemaUrl())
                    + span.getName());
          }
        }
      }
      return lines;
    }
  },

  METRICS(Signal.METRICS) {
    @Override
    Telemetry request(ClientMetadata metadata, List<Res> resources) {
      var request = ExportMetricsServiceRequest.newBuilder();
      for (Res res : resources) {
        var group =
            ResourceMetrics.newBuilder().setResource(res.resource()).setSchemaUrl(res.schemaUrl());
        for (Scp scp : res.scopes()) {
          // One monotonic sum per scope, its data points being the items.
          var sum =
              Sum.newBuilder()
                  .setIsMonotonic(true)
                  .setAggregationTemporality(
                      AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
          for (String item : scp.items()) {
            sum.addDataPoints(
                NumberDataPoint.newBuilder().addAttributes(attribute("id", item)).setAsInt(1));
          }
          group.addScopeMetrics(
              ScopeMetrics.newBuilder()
                  .setScope(scp.scope())
                  .setSchemaUrl(scp.schemaUrl())
                  .addMetrics(
                      Metric.newBuilder()
                          .setName("requests." + scp.name())
                          .setDescription("requests seen")
                          .setUnit("{request}")
                          .setSum(sum)));
        }
        request.addResourceMetrics(group);
      }
      return Telemetry.metrics(request.build(), metadata);
    }

    @Override
    List<String> items(Telemetry telemetry) {
      List<String> lines = new ArrayList<>();
      for (ResourceMetrics group : telemetry.metrics().getResourceMetricsList()) {
        for (ScopeMetrics scope : group.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            Sum sum = metric.getSum();
            String prefix =
                line(
                        group.getResource(),
                        group.getSchemaUrl(),
                        scope.getScope(),
                        scope.getSchemaUrl())
                    + metric.getName()
                    + ","
                    + metric.getDescription()
                    + ","
                    + metric.getUnit()
                    + ","
                    + sum.getAggregationTemporality()
                    + ","
                    + sum.getIsMonotonic()
                    + "|";
            for (NumberDataPoint point : sum.getDataPointsList()) {
              lines.add(prefix + point.getAttributes(0).getValue().getStringValue());
            }
          }
        }
      }
      return lines;
    }
  },

  LOGS(Signal.LOGS) {
    @Override
    Telemetry request(ClientMetadata metadata, List<Res> resources) {
      var request = ExportLogsServiceRequest.newBuilder();
      for (Res res : resources) {
        var group =
            ResourceLogs.newBuilder().setResource(res.resource()).setSchemaUrl(res.schemaUrl());
        for (Scp scp : res.scopes()) {
          var scope = ScopeLogs.newBuilder().setScope(scp.scope()).setSchemaUrl(scp.schemaUrl());
          for (String item : scp.items()) {
            scope.addLogRecords(
                LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue(item)));
          }
          group.addScopeLogs(scope);
        }
        request.addResourceLogs(group);
      }
      return Telemetry.logs(request.build(), metadata);
    }

    @Override
    List<String> items(Telemetry telemetry) {
      List<String> lines = new ArrayList<>();
      for (ResourceLogs group : telemetry.logs().getResourceLogsList()) {
        for (ScopeLogs scope : group.getScopeLogsList()) {
          for (LogRecord record : scope.getLogRecordsList()) {
            lines.add(
                line(
                        group.getResource(),
                        group.getSchemaUrl(),
                        scope.getScope(),
                        scope.getSchemaUrl())
                    + record.getBody().getStringValue());
          }
        }
      }
      return lines;
    }
  };

  private final Signal signal;

  SignalFixture(Signal signal) {
    this.signal = signal;
  }

  Signal signal() {
    return signal;
  }

  abstract Telemetry request(ClientMetadata metadata, List<Res> resources);

  /** The envelope's payload, parsed, for comparing whole requests. */
  Object message(Telemetry telemetry) {
    return switch (signal) {
      case TRACES -> telemetry.traces();
      case METRICS -> telemetry.metrics();
      case LOGS -> telemetry.logs();
    };
  }

  /** One line per item: {@code resource attrs|resource schema|scope|scope schema|[metric|]item}. */
  abstract List<String> items(Telemetry telemetry);

  Telemetry request(Res... resources) {
    return request(ClientMetadata.EMPTY, Arrays.asList(resources));
  }

  Telemetry request(ClientMetadata metadata, Res... resources) {
    return request(metadata, Arrays.asList(resources));
  }

  /**
   * A request of one resource with one scope holding {@code count} items named {@code prefix-i}.
   */
  Telemetry request(String prefix, int count) {
    return request(res(prefix, scope(prefix, prefix, count)));
  }

  List<String> items(List<Telemetry> batches) {
    return batches.stream().flatMap(batch -> items(batch).stream()).toList();
  }

  /** A resource with a service name, a second attribute and a schema URL. */
  record Res(String name, List<Scp> scopes) {
    Resource resource() {
      return Resource.newBuilder()
          .addAttributes(attribute("service.name", name))
          .addAttributes(attribute("host.name", "host-" + name))
          .build();
    }

    String schemaUrl() {
      return "https://opentelemetry.io/schemas/1.26.0#" + name;
    }
  }

  /** A scope with a version, an attribute and a schema URL, holding named items. */
  record Scp(String name, List<String> items) {
    InstrumentationScope scope() {
      return InstrumentationScope.newBuilder()
          .setName(name)
          .setVersion("1.2.3")
          .addAttributes(attribute("scope.kind", "library-" + name))
          .build();
    }

    String schemaUrl() {
      return "https://opentelemetry.io/schemas/1.21.0#" + name;
    }
  }

  static Res res(String name, Scp... scopes) {
    return new Res(name, List.of(scopes));
  }

  static Scp scope(String name, String... items) {
    return new Scp(name, List.of(items));
  }

  static Scp scope(String name, String prefix, int count) {
    return new Scp(name, IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList());
  }

  static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static String line(
      Resource resource, String resourceSchema, InstrumentationScope scope, String scopeSchema) {
    return attributes(resource.getAttributesList())
        + "|"
        + resourceSchema
        + "|"
        + scope.getName()
        + "@"
        + scope.getVersion()
        + attributes(scope.getAttributesList())
        + "|"
        + scopeSchema
        + "|";
  }

  private static String attributes(List<KeyValue> attributes) {
    StringBuilder text = new StringBuilder("{");
    for (KeyValue attribute : attributes) {
      text.append(attribute.getKey())
          .append('=')
          .append(attribute.getValue().getStringValue())
          .append(';');
    }
    return text.append('}').toString();
  }
}
