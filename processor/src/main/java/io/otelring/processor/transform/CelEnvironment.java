package io.otelring.processor.transform;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CEL environment of the {@code transform} processor: the item variables, the {@code flatten}
 * functions, and any other identifier as an attribute path ({@code llm.request.model}), so that the
 * gateway's expressions compile unchanged.
 */
final class CelEnvironment {

  /** The variables every expression can use; any other root identifier names attributes. */
  static final Set<String> VARIABLES =
      Set.of("attributes", "resource", "scope", "span", "log", "metric");

  private static final MapType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);

  private static final Cel BASE =
      CelFactory.standardCelBuilder()
          .setOptions(CelOptions.current().build())
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("attributes", STRING_MAP)
          .addVar("resource", STRING_MAP)
          .addVar("scope", STRING_MAP)
          .addVar("span", STRING_MAP)
          .addVar("log", STRING_MAP)
          .addVar("metric", STRING_MAP)
          .addFunctionDeclarations(
              CelFunctionDecl.newFunctionDeclaration(
                  "flatten",
                  CelOverloadDecl.newGlobalOverload("flatten_dyn", STRING_MAP, SimpleType.DYN)),
              CelFunctionDecl.newFunctionDeclaration(
                  "flattenRecursive",
                  CelOverloadDecl.newGlobalOverload(
                      "flatten_recursive_dyn", STRING_MAP, SimpleType.DYN)))
          .addFunctionBindings(
              CelFunctionBinding.from("flatten_dyn", Object.class, Flattening::flatten),
              CelFunctionBinding.from(
                  "flatten_recursive_dyn", Object.class, Flattening::flattenRecursive))
          .build();

  private CelEnvironment() {}

  /** A compiled expression: its checked tree, and the program that evaluates it. */
  record Compiled(CelAbstractSyntaxTree ast, CelRuntime.Program program) {}

  /** Thrown for an expression that does not compile; the message names the position. */
  static final class CompileException extends Exception {
    CompileException(String message) {
      super(message);
    }
  }

  /**
   * Parses, type-checks and plans an expression.
   *
   * @throws CompileException with {@code line:column: message} for each problem
   */
  static Compiled compile(String expression) throws CompileException {
    try {
      CelAbstractSyntaxTree parsed = BASE.parse(expression).getAst();
      Set<String> paths = new LinkedHashSet<>();
      rootIdentifiers(parsed.getExpr(), paths);
      Cel cel = BASE;
      if (!paths.isEmpty()) {
        var builder = BASE.toCelBuilder();
        paths.forEach(name -> builder.addVar(name, SimpleType.DYN));
        cel = builder.build();
      }
      CelAbstractSyntaxTree checked = cel.check(parsed).getAst();
      return new Compiled(checked, cel.createProgram(checked));
    } catch (CelValidationException e) {
      throw new CompileException(describe(e.getErrors()));
    } catch (dev.cel.common.CelException e) {
      throw new CompileException(e.getMessage());
    }
  }

  private static String describe(List<CelIssue> issues) {
    return issues.stream()
        .map(
            issue ->
                issue.getSourceLocation().getLine()
                    + ":"
                    + (issue.getSourceLocation().getColumn() + 1)
                    + ": "
                    + issue.getMessage())
        .collect(Collectors.joining("; "));
  }

  /** Identifiers that are not variables: the roots of attribute paths such as {@code llm}. */
  private static void rootIdentifiers(CelExpr expr, Set<String> out) {
    switch (expr.getKind()) {
      case IDENT -> {
        String name = expr.ident().name();
        if (!VARIABLES.contains(name) && !name.startsWith("@") && !name.startsWith("__")) {
          out.add(name);
        }
      }
      case SELECT -> rootIdentifiers(expr.select().operand(), out);
      case CALL -> {
        expr.call().target().ifPresent(target -> rootIdentifiers(target, out));
        expr.call().args().forEach(arg -> rootIdentifiers(arg, out));
      }
      case LIST -> expr.list().elements().forEach(e -> rootIdentifiers(e, out));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    rootIdentifiers(entry.key(), out);
                    rootIdentifiers(entry.value(), out);
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> rootIdentifiers(entry.value(), out));
      case COMPREHENSION -> {
        var c = expr.comprehension();
        rootIdentifiers(c.iterRange(), out);
        rootIdentifiers(c.accuInit(), out);
        Set<String> inner = new LinkedHashSet<>();
        rootIdentifiers(c.loopCondition(), inner);
        rootIdentifiers(c.loopStep(), inner);
        rootIdentifiers(c.result(), inner);
        inner.remove(c.iterVar());
        inner.remove(c.accuVar());
        out.addAll(inner);
      }
      default -> {}
    }
  }

  /** Evaluates a compiled program without variables, for constant expressions. */
  static Object evaluateConstant(Compiled compiled) throws CelEvaluationException {
    return compiled.program().eval(name -> java.util.Optional.empty());
  }
}
