package io.otelring.processor.transform;

import dev.cel.runtime.CelEvaluationException;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.otelring.processor.attraction.AnyValues;
import io.otelring.processor.attraction.MutableAttributes;
import java.util.List;
import java.util.Map;

/**
 * A {@code transform} config compiled once: the {@code where} condition, each field's expression
 * and the keys to remove. {@link #edit} applies them to one item: every expression reads the item
 * as it came in, then the results are set in order, then the keys are removed.
 */
final class TransformRules {

  /** Where an item's failures are counted: a field (by index) or the condition. */
  interface Failures {
    void field(int index, String target, Exception cause);

    void where(Exception cause);
  }

  /** The changes for one item: its new attributes, and its new name if a field renamed it. */
  record Edit(List<KeyValue> attributes, String name) {}

  private final FieldExpression where;
  private final String[] targets;
  private final FieldExpression[] expressions;
  private final String[] removals;
  private final Object[] results;

  private TransformRules(
      FieldExpression where, String[] targets, FieldExpression[] expressions, String[] removals) {
    this.where = where;
    this.targets = targets;
    this.expressions = expressions;
    this.removals = removals;
    this.results = new Object[targets.length];
  }

  /**
   * @throws IllegalArgumentException when an expression does not compile (a config that {@link
   *     TransformProcessorConfig#validate} accepted always does)
   */
  static TransformRules compile(TransformProcessorConfig config) {
    try {
      FieldExpression where =
          config.where() == null || config.where().isBlank()
              ? null
              : FieldExpression.compile(config.where());
      Map<String, String> add = config.fields().add();
      String[] targets = add.keySet().toArray(String[]::new);
      FieldExpression[] expressions = new FieldExpression[targets.length];
      for (int i = 0; i < targets.length; i++) {
        expressions[i] = FieldExpression.compile(add.get(targets[i]));
      }
      return new TransformRules(
          where, targets, expressions, config.fields().remove().toArray(String[]::new));
    } catch (CelEnvironment.CompileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  String target(int index) {
    return targets[index];
  }

  int fieldCount() {
    return targets.length;
  }

  /** The edit of the item {@code item} holds, or {@code null} when it is left unchanged. */
  Edit edit(ItemVariables item, Failures failures) {
    if (where != null) {
      try {
        if (!Boolean.TRUE.equals(where.evaluate(item))) {
          return null;
        }
      } catch (CelEvaluationException | RuntimeException e) {
        failures.where(e);
        return null;
      }
    }
    for (int i = 0; i < expressions.length; i++) {
      try {
        results[i] = expressions[i].evaluate(item);
      } catch (CelEvaluationException | RuntimeException e) {
        results[i] = null;
        failures.field(i, targets[i], e);
      }
    }
    MutableAttributes attributes = new MutableAttributes(item.attributes());
    String name = null;
    for (int i = 0; i < targets.length; i++) {
      Object result = results[i];
      results[i] = null;
      if (result == null) {
        continue;
      }
      if (targets[i].equals(TransformProcessorConfig.SPAN_NAME)) {
        AnyValue value = result instanceof AnyValue v ? v : CelValues.toAnyValue(result);
        if (value == null) {
          failures.field(i, targets[i], new IllegalArgumentException("null"));
        } else {
          name = AnyValues.asString(value);
        }
      } else if (!emit(targets[i], result, attributes)) {
        failures.field(i, targets[i], new IllegalArgumentException("null"));
      }
    }
    for (String key : removals) {
      attributes.remove(key);
      removeUnder(attributes, key + ".");
    }
    return attributes.changed() || name != null ? new Edit(attributes.entries(), name) : null;
  }

  /**
   * Sets a result: a value as it is; a map one level deep as {@code target.key} (keys that came
   * from dotted attributes go back to the same dotted keys); null as nothing (returns false).
   */
  private static boolean emit(String target, Object result, MutableAttributes attributes) {
    if (result instanceof AnyValue value) {
      attributes.put(target, value);
      return true;
    }
    if (result instanceof AttributeView view) {
      String prefix = view.prefix();
      for (KeyValue kv : view.attributes()) {
        if (kv.getKey().startsWith(prefix) && kv.getKey().length() > prefix.length()) {
          attributes.put(target + "." + kv.getKey().substring(prefix.length()), kv.getValue());
        }
      }
      return true;
    }
    if (result instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = target + "." + entry.getKey();
        if (entry.getValue() instanceof AttributeView view) {
          emit(key, view, attributes);
        } else {
          AnyValue value = CelValues.toAnyValue(entry.getValue());
          if (value != null) {
            attributes.put(key, value);
          }
        }
      }
      return true;
    }
    AnyValue value = CelValues.toAnyValue(result);
    if (value == null) {
      return false;
    }
    attributes.put(target, value);
    return true;
  }

  private static void removeUnder(MutableAttributes attributes, String prefix) {
    for (int i = attributes.size() - 1; i >= 0; i--) {
      if (attributes.keyAt(i).startsWith(prefix)) {
        attributes.remove(attributes.keyAt(i));
      }
    }
  }
}
