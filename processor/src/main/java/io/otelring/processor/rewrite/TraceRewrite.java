package io.otelring.processor.rewrite;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copy-on-write edits of a trace request: of each span, or of each resource. */
public final class TraceRewrite {

  private TraceRewrite() {}

  /** Edits one span; returns the same instance to leave it unchanged. */
  @FunctionalInterface
  public interface SpanEdit {
    Span edit(Resource resource, InstrumentationScope scope, Span span);
  }

  public static ExportTraceServiceRequest spans(ExportTraceServiceRequest request, SpanEdit edit) {
    List<ResourceSpans> resources = request.getResourceSpansList();
    List<ResourceSpans> newResources = null;
    for (int r = 0; r < resources.size(); r++) {
      ResourceSpans rs = resources.get(r);
      ResourceSpans newRs = spans(rs, edit);
      if (newRs != rs && newResources == null) {
        newResources = new ArrayList<>(resources.subList(0, r));
      }
      if (newResources != null) {
        newResources.add(newRs);
      }
    }
    return newResources == null
        ? request
        : request.toBuilder().clearResourceSpans().addAllResourceSpans(newResources).build();
  }

  private static ResourceSpans spans(ResourceSpans rs, SpanEdit edit) {
    Resource resource = rs.getResource();
    List<ScopeSpans> scopes = rs.getScopeSpansList();
    List<ScopeSpans> newScopes = null;
    for (int s = 0; s < scopes.size(); s++) {
      ScopeSpans ss = scopes.get(s);
      InstrumentationScope scope = ss.getScope();
      List<Span> spans = ss.getSpansList();
      List<Span> newSpans = null;
      for (int i = 0; i < spans.size(); i++) {
        Span span = spans.get(i);
        Span edited = edit.edit(resource, scope, span);
        if (edited != span && newSpans == null) {
          newSpans = new ArrayList<>(spans.size());
          newSpans.addAll(spans.subList(0, i));
        }
        if (newSpans != null) {
          newSpans.add(edited);
        }
      }
      ScopeSpans newSs =
          newSpans == null ? ss : ss.toBuilder().clearSpans().addAllSpans(newSpans).build();
      if (newSs != ss && newScopes == null) {
        newScopes = new ArrayList<>(scopes.subList(0, s));
      }
      if (newScopes != null) {
        newScopes.add(newSs);
      }
    }
    return newScopes == null
        ? rs
        : rs.toBuilder().clearScopeSpans().addAllScopeSpans(newScopes).build();
  }

  /** Edits every resource; the edit returns the same instance to leave one unchanged. */
  public static ExportTraceServiceRequest resources(
      ExportTraceServiceRequest request, UnaryOperator<Resource> edit) {
    ExportTraceServiceRequest.Builder builder = null;
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      Resource resource = request.getResourceSpans(r).getResource();
      Resource edited = edit.apply(resource);
      if (edited != resource) {
        if (builder == null) {
          builder = request.toBuilder();
        }
        builder.setResourceSpans(r, request.getResourceSpans(r).toBuilder().setResource(edited));
      }
    }
    return builder == null ? request : builder.build();
  }
}
