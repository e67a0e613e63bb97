package io.otelring.processor.attraction;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an {@code include} or {@code exclude} block matches, with the Go collector's keys ({@code
 * filterconfig.MatchProperties}). Every listed property must match; within a list, one item is
 * enough.
 *
 * @param matchType {@code strict} or {@code regexp} (RE2, matched anywhere in the text, as Go)
 * @param regexp the regexp cache options; accepted for compatibility, matching is not cached
 * @param services service names ({@code service.name} of the resource; spans only)
 * @param spanNames span names
 * @param spanKinds span kinds ({@code SPAN_KIND_SERVER}, …)
 * @param logBodies log bodies, as text
 * @param logSeverityTexts log severity texts
 * @param logSeverityNumber the lowest log severity number that matches
 * @param metricNames metric names
 * @param attributes attributes of the item that must all be present (and equal, if a value is set)
 * @param resources resource attributes that must all be present (and equal)
 * @param libraries instrumentation scopes (name and optional version)
 */
public record MatchProperties(
    String matchType,
    RegexpOptions regexp,
    List<String> services,
    List<String> spanNames,
    List<String> spanKinds,
    List<String> logBodies,
    List<String> logSeverityTexts,
    SeverityNumberMatch logSeverityNumber,
    List<String> metricNames,
    List<AttributeMatch> attributes,
    List<AttributeMatch> resources,
    List<LibraryMatch> libraries) {

  public MatchProperties {
    services = copy(services);
    spanNames = copy(spanNames);
    spanKinds = copy(spanKinds);
    logBodies = copy(logBodies);
    logSeverityTexts = copy(logSeverityTexts);
    metricNames = copy(metricNames);
    attributes = copy(attributes);
    resources = copy(resources);
    libraries = copy(libraries);
  }

  /** {@code regexp:} options of Go's filterset; otelring does not cache match results. */
  public record RegexpOptions(Boolean cacheenabled, Integer cachemaxnumentries) {}

  /** An attribute key and, optionally, the value it must have (a pattern for regexp). */
  public record AttributeMatch(String key, Object value) {}

  /**
   * An instrumentation scope name and, optionally, its version: a missing version matches any, an
   * empty one only an empty version.
   */
  public record LibraryMatch(String name, String version) {}

  /**
   * Log records at or above {@code min} match (a number, or a name such as {@code INFO} or {@code
   * warn2}); records of unspecified severity match only with {@code match_undefined}.
   */
  public record SeverityNumberMatch(Object min, Boolean matchUndefined) {
    public SeverityNumberMatch {
      matchUndefined = Boolean.TRUE.equals(matchUndefined);
    }

    /** The minimum as a severity number, or -1 when it names no severity. */
    public int minNumber() {
      if (min instanceof Number n) {
        return n.intValue();
      }
      if (min instanceof String text) {
        return SeverityNames.number(text);
      }
      return -1;
    }
  }

  boolean strict() {
    return "strict".equals(matchType);
  }

  /** Every problem of this block, each prefixed with {@code path}. */
  public List<String> validate(String path) {
    List<String> problems = new ArrayList<>();
    if (!"strict".equals(matchType) && !"regexp".equals(matchType)) {
      problems.add(
          path
              + "::match_type: unrecognized match_type: '"
              + (matchType == null ? "" : matchType)
              + "', valid types are: [regexp strict]");
      return problems;
    }
    if (!strict()) {
      patterns(path + "::services", services, problems);
      patterns(path + "::span_names", spanNames, problems);
      patterns(path + "::span_kinds", spanKinds, problems);
      patterns(path + "::log_bodies", logBodies, problems);
      patterns(path + "::log_severity_texts", logSeverityTexts, problems);
      patterns(path + "::metric_names", metricNames, problems);
      for (int i = 0; i < libraries.size(); i++) {
        LibraryMatch library = libraries.get(i);
        patterns(
            path + "::libraries::" + i + "::name", List.of(nullToEmpty(library.name())), problems);
        if (library.version() != null) {
          patterns(path + "::libraries::" + i + "::version", List.of(library.version()), problems);
        }
      }
    } else {
      for (String kind : spanKinds) {
        if (!SPAN_KINDS.contains(kind)) {
          problems.add(
              path
                  + "::span_kinds: span_kinds string must match one of the standard span kinds when"
                  + " match_type=strict: "
                  + new TreeSet<>(SPAN_KINDS));
          break;
        }
      }
    }
    attributeMatches(path + "::attributes", attributes, problems);
    attributeMatches(path + "::resources", resources, problems);
    if (logSeverityNumber != null && logSeverityNumber.minNumber() < 0) {
      problems.add(
          path
              + "::log_severity_number::min: invalid severity \""
              + logSeverityNumber.min()
              + "\"; use a number from 0 to 24 or a name such as INFO or WARN2");
    }
    return problems;
  }

  private static final List<String> SPAN_KINDS =
      List.of(
          "SPAN_KIND_CLIENT",
          "SPAN_KIND_CONSUMER",
          "SPAN_KIND_INTERNAL",
          "SPAN_KIND_PRODUCER",
          "SPAN_KIND_SERVER");

  /** The span-specific checks of Go's {@code ValidateForSpans}. */
  public String problemForSpans() {
    if (!logBodies.isEmpty()) {
      return "log_bodies should not be specified for trace spans";
    }
    if (!logSeverityTexts.isEmpty()) {
      return "log_severity_texts should not be specified for trace spans";
    }
    if (logSeverityNumber != null) {
      return "log_severity_number should not be specified for trace spans";
    }
    if (services.isEmpty()
        && spanNames.isEmpty()
        && attributes.isEmpty()
        && libraries.isEmpty()
        && resources.isEmpty()
        && spanKinds.isEmpty()) {
      return "at least one of \"services\", \"span_names\", \"span_kinds\", \"attributes\","
          + " \"libraries\" or \"resources\" field must be specified";
    }
    return null;
  }

  /** The log-specific checks of Go's {@code ValidateForLogs}. */
  public String problemForLogs() {
    if (!spanNames.isEmpty() || !services.isEmpty() || !spanKinds.isEmpty()) {
      return "services, span_names, and span_kinds are not valid for log records";
    }
    if (attributes.isEmpty()
        && libraries.isEmpty()
        && resources.isEmpty()
        && logBodies.isEmpty()
        && logSeverityTexts.isEmpty()
        && logSeverityNumber == null) {
      return "at least one of \"attributes\", \"libraries\", \"resources\", \"log_bodies\","
          + " \"log_severity_texts\" or \"log_severity_number\" field must be specified";
    }
    return null;
  }

  private void attributeMatches(String path, List<AttributeMatch> matches, List<String> problems) {
    for (int i = 0; i < matches.size(); i++) {
      AttributeMatch match = matches.get(i);
      if (match == null || ActionConfig.empty(match.key())) {
        problems.add(path + "::" + i + "::key: can't have empty key in the list of attributes");
        continue;
      }
      if (match.value() == null) {
        continue;
      }
      AnyValue value;
      try {
        value = AnyValues.fromConfig(match.value());
      } catch (IllegalArgumentException e) {
        problems.add(path + "::" + i + "::value: " + e.getMessage());
        continue;
      }
      if (!strict()) {
        if (value.getValueCase() != AnyValue.ValueCase.STRING_VALUE) {
          problems.add(
              path
                  + "::"
                  + i
                  + "::value: match_type=regexp for \""
                  + match.key()
                  + "\" only supports Str, but found "
                  + AnyValues.typeName(value));
        } else {
          patterns(path + "::" + i + "::value", List.of(value.getStringValue()), problems);
        }
      }
    }
  }

  private static void patterns(String path, List<String> patterns, List<String> problems) {
    for (String pattern : patterns) {
      try {
        Pattern.compile(nullToEmpty(pattern));
      } catch (PatternSyntaxException e) {
        problems.add(path + ": invalid pattern \"" + pattern + "\": " + e.getDescription());
      }
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Severity names of the OpenTelemetry log data model, TRACE (1) to FATAL4 (24). */
  static final class SeverityNames {
    private static final Map<String, Integer> BASES =
        Map.of("TRACE", 1, "DEBUG", 5, "INFO", 9, "WARN", 13, "ERROR", 17, "FATAL", 21);

    private SeverityNames() {}

    static int number(String text) {
      String upper = text.strip().toUpperCase(Locale.ROOT);
      if (upper.matches("\\d+")) {
        return Integer.parseInt(upper);
      }
      if (upper.equals("UNSPECIFIED") || upper.equals("UNDEFINED")) {
        return 0;
      }
      String base = upper.replaceAll("[1-4]$", "");
      Integer start = BASES.get(base);
      if (start == null) {
        return -1;
      }
      int offset = base.length() == upper.length() ? 0 : upper.charAt(upper.length() - 1) - '1';
      return start + offset;
    }
  }
}
