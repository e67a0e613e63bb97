package io.otelring.exporter.debug;

import static io.otelring.exporter.debug.GoFloatFormat.fixed6;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;

/** The detailed text of metrics, laid out as the Go debug exporter's {@code otlptext} does. */
final class DetailedMetricsText {

  private static final List<String> TEMPORALITIES = List.of("Unspecified", "Delta", "Cumulative");

  /** Go's {@code math.Ln2} as a float64. */
  private static final double LN2 = 0.6931471805599453;

  private DetailedMetricsText() {}

  static String format(ExportMetricsServiceRequest request) {
    DetailedTextBuffer buf = new DetailedTextBuffer();
    for (int i = 0; i < request.getResourceMetricsCount(); i++) {
      ResourceMetrics rm = request.getResourceMetrics(i);
      buf.line("ResourceMetrics #" + i);
      buf.line("Resource SchemaURL: " + rm.getSchemaUrl());
      buf.attributes("Resource attributes", rm.getResource().getAttributesList());
      for (int j = 0; j < rm.getScopeMetricsCount(); j++) {
        ScopeMetrics sm = rm.getScopeMetrics(j);
        buf.line("ScopeMetrics #" + j);
        buf.line("ScopeMetrics SchemaURL: " + sm.getSchemaUrl());
        buf.scope(sm.getScope());
        for (int k = 0; k < sm.getMetricsCount(); k++) {
          Metric metric = sm.getMetrics(k);
          buf.line("Metric #" + k);
          buf.line("Descriptor:");
          buf.line("     -> Name: " + metric.getName());
          buf.line("     -> Description: " + metric.getDescription());
          buf.line("     -> Unit: " + metric.getUnit());
          buf.line("     -> DataType: " + typeName(metric));
          dataPoints(buf, metric);
        }
      }
    }
    return buf.toString();
  }

  static String typeName(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> "Gauge";
      case SUM -> "Sum";
      case HISTOGRAM -> "Histogram";
      case EXPONENTIAL_HISTOGRAM -> "ExponentialHistogram";
      case SUMMARY -> "Summary";
      case DATA_NOT_SET -> "Empty";
    };
  }

  private static void dataPoints(DetailedTextBuffer buf, Metric metric) {
    switch (metric.getDataCase()) {
      case GAUGE -> numberDataPoints(buf, metric.getGauge().getDataPointsList());
      case SUM -> {
        buf.line("     -> IsMonotonic: " + metric.getSum().getIsMonotonic());
        buf.line(
            "     -> AggregationTemporality: "
                + temporality(metric.getSum().getAggregationTemporalityValue()));
        numberDataPoints(buf, metric.getSum().getDataPointsList());
      }
      case HISTOGRAM -> {
        buf.line(
            "     -> AggregationTemporality: "
                + temporality(metric.getHistogram().getAggregationTemporalityValue()));
        histogramDataPoints(buf, metric.getHistogram().getDataPointsList());
      }
      case EXPONENTIAL_HISTOGRAM -> {
        buf.line(
            "     -> AggregationTemporality: "
                + temporality(metric.getExponentialHistogram().getAggregationTemporalityValue()));
        exponentialDataPoints(buf, metric.getExponentialHistogram().getDataPointsList());
      }
      case SUMMARY -> summaryDataPoints(buf, metric.getSummary().getDataPointsList());
      case DATA_NOT_SET -> {}
    }
  }

  private static String temporality(int value) {
    return DetailedText.enumName(TEMPORALITIES, value);
  }

  private static void numberDataPoints(DetailedTextBuffer buf, List<NumberDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      NumberDataPoint p = points.get(i);
      buf.line("NumberDataPoints #" + i);
      buf.attributes("Data point attributes", p.getAttributesList());
      buf.line("StartTimestamp: " + GoTimeFormat.utc(p.getStartTimeUnixNano()));
      buf.line("Timestamp: " + GoTimeFormat.utc(p.getTimeUnixNano()));
      switch (p.getValueCase()) {
        case AS_INT -> buf.line("Value: " + p.getAsInt());
        case AS_DOUBLE -> buf.line("Value: " + fixed6(p.getAsDouble()));
        case VALUE_NOT_SET -> {}
      }
      exemplars(buf, p.getExemplarsList());
    }
  }

  private static void histogramDataPoints(DetailedTextBuffer buf, List<HistogramDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      HistogramDataPoint p = points.get(i);
      buf.line("HistogramDataPoints #" + i);
      buf.attributes("Data point attributes", p.getAttributesList());
      buf.line("StartTimestamp: " + GoTimeFormat.utc(p.getStartTimeUnixNano()));
      buf.line("Timestamp: " + GoTimeFormat.utc(p.getTimeUnixNano()));
      buf.line("Count: " + Long.toUnsignedString(p.getCount()));
      if (p.hasSum()) {
        buf.line("Sum: " + fixed6(p.getSum()));
      }
      if (p.hasMin()) {
        buf.line("Min: " + fixed6(p.getMin()));
      }
      if (p.hasMax()) {
        buf.line("Max: " + fixed6(p.getMax()));
      }
      for (int b = 0; b < p.getExplicitBoundsCount(); b++) {
        buf.line("ExplicitBounds #" + b + ": " + fixed6(p.getExplicitBounds(b)));
      }
      for (int b = 0; b < p.getBucketCountsCount(); b++) {
        buf.line("Buckets #" + b + ", Count: " + Long.toUnsignedString(p.getBucketCounts(b)));
      }
      exemplars(buf, p.getExemplarsList());
    }
  }

  private static void exponentialDataPoints(
      DetailedTextBuffer buf, List<ExponentialHistogramDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      ExponentialHistogramDataPoint p = points.get(i);
      buf.line("ExponentialHistogramDataPoints #" + i);
      buf.attributes("Data point attributes", p.getAttributesList());
      buf.line("StartTimestamp: " + GoTimeFormat.utc(p.getStartTimeUnixNano()));
      buf.line("Timestamp: " + GoTimeFormat.utc(p.getTimeUnixNano()));
      buf.line("Count: " + Long.toUnsignedString(p.getCount()));
      if (p.hasSum()) {
        buf.line("Sum: " + fixed6(p.getSum()));
      }
      if (p.hasMin()) {
        buf.line("Min: " + fixed6(p.getMin()));
      }
      if (p.hasMax()) {
        buf.line("Max: " + fixed6(p.getMax()));
      }
      // Bucket bounds are exp(index × ln2 × 2^-scale), as Go computes them (so the bucket
      // nearest infinity reports +Inf as its lower bound, a known quirk kept for fidelity).
      double factor = Math.scalb(LN2, -p.getScale());
      ExponentialHistogramDataPoint.Buckets negative = p.getNegative();
      int negatives = negative.getBucketCountsCount();
      for (int n = 0; n < negatives; n++) {
        int pos = negatives - n - 1;
        double index = (double) negative.getOffset() + (double) pos;
        double lower = Math.exp(index * factor);
        double upper = Math.exp((index + 1) * factor);
        buf.line(
            "Bucket ["
                + fixed6(-upper)
                + ", "
                + fixed6(-lower)
                + "), Count: "
                + Long.toUnsignedString(negative.getBucketCounts(pos)));
      }
      if (p.getZeroCount() != 0) {
        buf.line("Bucket [0, 0], Count: " + Long.toUnsignedString(p.getZeroCount()));
      }
      ExponentialHistogramDataPoint.Buckets positive = p.getPositive();
      for (int pos = 0; pos < positive.getBucketCountsCount(); pos++) {
        double index = (double) positive.getOffset() + (double) pos;
        double lower = Math.exp(index * factor);
        double upper = Math.exp((index + 1) * factor);
        buf.line(
            "Bucket ("
                + fixed6(lower)
                + ", "
                + fixed6(upper)
                + "], Count: "
                + Long.toUnsignedString(positive.getBucketCounts(pos)));
      }
      exemplars(buf, p.getExemplarsList());
    }
  }

  private static void summaryDataPoints(DetailedTextBuffer buf, List<SummaryDataPoint> points) {
    for (int i = 0; i < points.size(); i++) {
      SummaryDataPoint p = points.get(i);
      buf.line("SummaryDataPoints #" + i);
      buf.attributes("Data point attributes", p.getAttributesList());
      buf.line("StartTimestamp: " + GoTimeFormat.utc(p.getStartTimeUnixNano()));
      buf.line("Timestamp: " + GoTimeFormat.utc(p.getTimeUnixNano()));
      buf.line("Count: " + Long.toUnsignedString(p.getCount()));
      buf.line("Sum: " + fixed6(p.getSum()));
      for (int q = 0; q < p.getQuantileValuesCount(); q++) {
        SummaryDataPoint.ValueAtQuantile quantile = p.getQuantileValues(q);
        buf.line(
            "QuantileValue #"
                + q
                + ": Quantile "
                + fixed6(quantile.getQuantile())
                + ", Value "
                + fixed6(quantile.getValue()));
      }
    }
  }

  private static void exemplars(DetailedTextBuffer buf, List<Exemplar> exemplars) {
    if (exemplars.isEmpty()) {
      return;
    }
    buf.line("Exemplars:");
    for (int i = 0; i < exemplars.size(); i++) {
      Exemplar e = exemplars.get(i);
      buf.line("Exemplar #" + i);
      buf.line("     -> Trace ID: " + DetailedTextBuffer.id(e.getTraceId()));
      buf.line("     -> Span ID: " + DetailedTextBuffer.id(e.getSpanId()));
      buf.line("     -> Timestamp: " + GoTimeFormat.utc(e.getTimeUnixNano()));
      switch (e.getValueCase()) {
        case AS_INT -> buf.line("     -> Value: " + e.getAsInt());
        case AS_DOUBLE -> buf.line("     -> Value: " + fixed6(e.getAsDouble()));
        case VALUE_NOT_SET -> {}
      }
      buf.attributes("     -> FilteredAttributes", e.getFilteredAttributesList());
    }
  }
}
