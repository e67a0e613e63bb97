package io.otelring.processor.attraction;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The items a processor acts on, from its {@code include} and {@code exclude} blocks: an item is
 * processed when it matches {@code include} (or there is none) and does not match {@code exclude}.
 * Built per signal, because each signal checks different properties, as Go's {@code NewSkipExpr}s
 * do.
 */
public final class Selection {

  private final ItemMatcher include;
  private final ItemMatcher exclude;

  private Selection(ItemMatcher include, ItemMatcher exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /** Everything is selected. */
  public static final Selection ALL = new Selection(null, null);

  /**
   * The selection of spans.
   *
   * @throws IllegalArgumentException with Go's message when a block does not fit spans
   */
  public static Selection forSpans(MatchProperties include, MatchProperties exclude) {
    check("include", include == null ? null : include.problemForSpans());
    check("exclude", exclude == null ? null : exclude.problemForSpans());
    return of(include, exclude);
  }

  /** The selection of log records; see {@link #forSpans}. */
  public static Selection forLogs(MatchProperties include, MatchProperties exclude) {
    check("include", include == null ? null : include.problemForLogs());
    check("exclude", exclude == null ? null : exclude.problemForLogs());
    return of(include, exclude);
  }

  /**
   * The selection of metrics: by {@code metric_names} and {@code resources}; a block with neither
   * selects every metric, as in Go, where the other properties do not apply to metrics.
   */
  public static Selection forMetrics(MatchProperties include, MatchProperties exclude) {
    ItemMatcher in = include == null ? null : new ItemMatcher(include);
    ItemMatcher out = exclude == null ? null : new ItemMatcher(exclude);
    return new Selection(
        in == null || !in.checksMetrics() ? null : in,
        out == null || !out.checksMetrics() ? null : out);
  }

  private static Selection of(MatchProperties include, MatchProperties exclude) {
    return new Selection(
        include == null ? null : new ItemMatcher(include),
        exclude == null ? null : new ItemMatcher(exclude));
  }

  private static void check(String block, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(block + ": " + problem);
    }
  }

  public boolean isAll() {
    return include == null && exclude == null;
  }

  public boolean selectsSpan(Resource resource, InstrumentationScope scope, Span span) {
    return (include == null || include.matchesSpan(resource, scope, span))
        && (exclude == null || !exclude.matchesSpan(resource, scope, span));
  }

  public boolean selectsLog(Resource resource, InstrumentationScope scope, LogRecord record) {
    return (include == null || include.matchesLog(resource, scope, record))
        && (exclude == null || !exclude.matchesLog(resource, scope, record));
  }

  public boolean selectsMetric(Resource resource, Metric metric) {
    return (include == null || include.matchesMetric(resource, metric))
        && (exclude == null || !exclude.matchesMetric(resource, metric));
  }
}
