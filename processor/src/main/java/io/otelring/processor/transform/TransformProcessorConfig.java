package io.otelring.processor.transform;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code transform} processor's settings: the AI gateway's CEL vocabulary. The Go collector's
 * transform processor takes OTTL statements under the same type name; those keys are recognised
 * only to say that OTTL is not supported.
 *
 * @param where a CEL condition; only items for which it is true are transformed (all when empty)
 * @param fields what to add (target key → CEL expression, in order) and what to remove
 * @param errorMode OTTL's key, refused
 * @param traceStatements OTTL's key, refused
 * @param metricStatements OTTL's key, refused
 * @param logStatements OTTL's key, refused
 * @param profileStatements OTTL's key, refused
 */
public record TransformProcessorConfig(
    String where,
    Fields fields,
    Object errorMode,
    Object traceStatements,
    Object metricStatements,
    Object logStatements,
    Object profileStatements)
    implements ComponentConfig {

  /** The target used to rename spans instead of setting an attribute. */
  public static final String SPAN_NAME = "span.name";

  /**
   * @param add target attribute key (or {@code span.name}) → CEL expression, applied in order
   * @param remove attribute keys to remove, with the keys under them ({@code llm.prompt.0})
   */
  public record Fields(Map<String, String> add, List<String> remove) {
    public Fields {
      add =
          add == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(add));
      remove =
          remove == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new ArrayList<>(remove));
    }
  }

  public TransformProcessorConfig {
    fields = fields == null ? new Fields(Map.of(), List.of()) : fields;
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    ottl("error_mode", errorMode, problems);
    ottl("trace_statements", traceStatements, problems);
    ottl("metric_statements", metricStatements, problems);
    ottl("log_statements", logStatements, problems);
    ottl("profile_statements", profileStatements, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    if (where != null && !where.isBlank()) {
      try {
        CelEnvironment.Compiled compiled = CelEnvironment.compile(where);
        String type = compiled.ast().getResultType().name();
        if (!type.equals("bool") && !type.equals("dyn")) {
          problems.add("where: must be a condition (bool), not " + type + ": \"" + where + "\"");
        }
      } catch (CelEnvironment.CompileException e) {
        problems.add("where: cannot compile \"" + where + "\": " + e.getMessage());
      }
    }
    if (fields.add().isEmpty() && fields.remove().isEmpty()) {
      problems.add("fields: nothing to do; set fields.add or fields.remove");
    }
    fields
        .add()
        .forEach(
            (target, expression) -> {
              if (target.isBlank()) {
                problems.add("fields::add: a target key must not be empty");
              } else if (expression == null || expression.isBlank()) {
                problems.add("fields::add::" + target + ": the expression must not be empty");
              } else {
                try {
                  FieldExpression.compile(expression);
                } catch (CelEnvironment.CompileException e) {
                  problems.add(
                      "fields::add::"
                          + target
                          + ": cannot compile \""
                          + expression
                          + "\": "
                          + e.getMessage());
                }
              }
            });
    for (int i = 0; i < fields.remove().size(); i++) {
      String key = fields.remove().get(i);
      if (key == null || key.isBlank()) {
        problems.add("fields::remove::" + i + ": the key must not be empty");
      }
    }
    return problems;
  }

  private static void ottl(String key, Object value, List<String> problems) {
    if (value != null) {
      problems.add(
          key
              + ": OTTL is not supported; otelring's transform processor takes CEL"
              + " (where, fields.add, fields.remove)");
    }
  }
}
