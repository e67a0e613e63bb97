package io.otelring.processor.resource;

import io.opentelemetry.proto.resource.v1.Resource;
import io.otelring.core.component.Processor;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.processor.attraction.AttributeActions;
import io.otelring.processor.attraction.MutableAttributes;
import io.otelring.processor.rewrite.LogRewrite;
import io.otelring.processor.rewrite.MetricRewrite;
import io.otelring.processor.rewrite.TraceRewrite;
import java.util.concurrent.CompletionStage;

/** Applies the configured actions to the attributes of every resource of a request. */
final class ResourceProcessor implements Processor {

  private final AttributeActions actions;
  private final Consumer next;

  ResourceProcessor(AttributeActions actions, Consumer next) {
    this.actions = actions;
    this.next = next;
  }

  @Override
  public CompletionStage<Void> consume(Telemetry telemetry) {
    ClientMetadata metadata = telemetry.metadata();
    return next.consume(
        switch (telemetry.signal()) {
          case TRACES -> {
            var request = telemetry.traces();
            var edited = TraceRewrite.resources(request, resource -> edit(resource, metadata));
            yield edited == request ? telemetry : Telemetry.traces(edited, metadata);
          }
          case LOGS -> {
            var request = telemetry.logs();
            var edited = LogRewrite.resources(request, resource -> edit(resource, metadata));
            yield edited == request ? telemetry : Telemetry.logs(edited, metadata);
          }
          case METRICS -> {
            var request = telemetry.metrics();
            var edited = MetricRewrite.resources(request, resource -> edit(resource, metadata));
            yield edited == request ? telemetry : Telemetry.metrics(edited, metadata);
          }
        });
  }

  private Resource edit(Resource resource, ClientMetadata metadata) {
    MutableAttributes attributes = new MutableAttributes(resource.getAttributesList());
    return actions.apply(attributes, metadata)
        ? resource.toBuilder().clearAttributes().addAllAttributes(attributes.entries()).build()
        : resource;
  }

  /** Hands data straight on, so the acceptance — durable or not — is the next consumer's. */
  @Override
  public boolean durable() {
    return next.durable();
  }
}
