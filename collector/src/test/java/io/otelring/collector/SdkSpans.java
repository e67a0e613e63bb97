package io.otelring.collector;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * Finished spans for an SDK exporter's {@code export}, with ids that say where they came from
 * (batch and index), so a test can check every one arrives once.
 */
final class SdkSpans {

  private SdkSpans() {}

  static List<SpanData> batch(int batch, int count, Attributes attributes) {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spans.add(
          TestSpanData.builder()
              .setSpanContext(
                  SpanContext.create(
                      String.format("%016x%016x", batch + 1, i + 1),
                      String.format("%08x%08x", batch + 1, i + 1),
                      TraceFlags.getSampled(),
                      TraceState.getDefault()))
              .setName("b" + batch + "-" + i)
              .setKind(SpanKind.INTERNAL)
              .setStartEpochNanos(1_700_000_000_000_000_000L)
              .setEndEpochNanos(1_700_000_000_000_001_000L)
              .setAttributes(attributes)
              .setStatus(StatusData.unset())
              .setHasEnded(true)
              .setTotalRecordedEvents(0)
              .setTotalRecordedLinks(0)
              .setTotalAttributeCount(attributes.size())
              .build());
    }
    return spans;
  }

  static List<SpanData> batch(int batch, int count) {
    return batch(batch, count, Attributes.empty());
  }
}
