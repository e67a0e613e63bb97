package io.otelring.processor.transform;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * One compiled expression. Literals are evaluated once at start; a plain attribute reference
 * ({@code llm.request.model}, {@code attributes["llm.request.model"]}) is a lookup; anything else
 * runs CEL's interpreter. Evaluation returns an {@link AnyValue}, an {@link AttributeView} (keys
 * under a dotted prefix), another CEL value, or throws.
 */
abstract sealed class FieldExpression {

  /** The value for the current item. */
  abstract Object evaluate(ItemVariables item) throws CelEvaluationException;

  static FieldExpression compile(String expression) throws CelEnvironment.CompileException {
    CelEnvironment.Compiled compiled = CelEnvironment.compile(expression);
    CelExpr root = compiled.ast().getExpr();
    if (root.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
      try {
        return new Constant(CelEnvironment.evaluateConstant(compiled));
      } catch (CelEvaluationException e) {
        return new Interpreted(compiled.program());
      }
    }
    String key = attributeKey(root);
    return key != null ? new AttributeReference(key) : new Interpreted(compiled.program());
  }

  /**
   * The attribute key a plain reference reads: {@code a.b.c} (a root that is no variable), {@code
   * attributes.a.b} or {@code attributes["a.b"]}; {@code null} for anything else.
   */
  private static String attributeKey(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
        && expr.call().function().equals("_[_]")
        && expr.call().args().size() == 2
        && isIdent(expr.call().args().get(0), "attributes")
        && expr.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && expr.call().args().get(1).constant().getKind()
            == dev.cel.common.ast.CelConstant.Kind.STRING_VALUE) {
      return expr.call().args().get(1).constant().stringValue();
    }
    StringBuilder path = new StringBuilder();
    CelExpr current = expr;
    while (current.getKind() == CelExpr.ExprKind.Kind.SELECT && !current.select().testOnly()) {
      path.insert(0, "." + current.select().field());
      current = current.select().operand();
    }
    if (current.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return null;
    }
    String root = current.ident().name();
    if (root.equals("attributes")) {
      return path.isEmpty() ? null : path.substring(1);
    }
    return CelEnvironment.VARIABLES.contains(root) ? null : root + path;
  }

  private static boolean isIdent(CelExpr expr, String name) {
    return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && expr.ident().name().equals(name);
  }

  /** A literal, evaluated at start. */
  static final class Constant extends FieldExpression {
    private final Object value;

    Constant(Object value) {
      AnyValue converted = CelValues.toAnyValue(value);
      this.value = converted != null ? converted : value;
    }

    @Override
    Object evaluate(ItemVariables item) {
      return value;
    }
  }

  /** A plain attribute reference, read without the interpreter. */
  static final class AttributeReference extends FieldExpression {
    private final String key;
    // Thrown for every item that lacks the key: made once, so a missing field costs no stack trace.
    private final CelEvaluationException missing;

    AttributeReference(String key) {
      this.key = key;
      this.missing = new CelEvaluationException("no attribute \"" + key + "\"");
    }

    String key() {
      return key;
    }

    @Override
    Object evaluate(ItemVariables item) throws CelEvaluationException {
      List<KeyValue> attributes = item.attributes();
      for (int i = 0, n = attributes.size(); i < n; i++) {
        if (attributes.get(i).getKey().equals(key)) {
          return attributes.get(i).getValue();
        }
      }
      if (AttributeView.hasKeysUnder(attributes, key)) {
        return new AttributeView(attributes, key + ".");
      }
      throw missing;
    }
  }

  /** Anything else: CEL's interpreter. */
  static final class Interpreted extends FieldExpression {
    private final CelRuntime.Program program;

    Interpreted(CelRuntime.Program program) {
      this.program = program;
    }

    @Override
    Object evaluate(ItemVariables item) throws CelEvaluationException {
      return program.eval(item);
    }
  }
}
