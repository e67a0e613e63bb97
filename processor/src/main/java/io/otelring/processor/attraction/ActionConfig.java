package io.otelring.processor.attraction;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One attribute action as the Go collector writes it ({@code attraction.ActionKeyValue}).
 *
 * @param key the attribute to act on
 * @param value the value to set; its YAML type becomes the attribute's type
 * @param pattern a regular expression (RE2): attribute names for {@code delete}/{@code hash}, named
 *     groups for {@code extract}
 * @param fromAttribute take the value from this attribute of the same item
 * @param fromContext take the value from the request's client metadata ({@code metadata.<header>})
 * @param convertedType {@code int}, {@code double} or {@code string}, for {@code convert}
 * @param action insert, update, upsert, delete, hash, extract or convert (any case)
 * @param defaultValue the value to use when the value source gives none
 */
public record ActionConfig(
    String key,
    Object value,
    String pattern,
    String fromAttribute,
    String fromContext,
    String convertedType,
    String action,
    Object defaultValue) {

  static final Set<String> ACTIONS =
      Set.of("insert", "update", "upsert", "delete", "hash", "extract", "convert");

  /** The action in lower case, as Go compares it. */
  public String actionName() {
    return action == null ? "" : action.toLowerCase(Locale.ROOT);
  }

  /**
   * Every problem of a list of actions, each prefixed with {@code list::index}, with Go's rules
   * (NewAttrProc) and its wording where it has one.
   */
  public static List<String> validate(String list, List<ActionConfig> actions) {
    List<String> problems = new ArrayList<>();
    if (actions.isEmpty()) {
      problems.add(list + ": missing required field \"" + list + "\"");
    }
    for (int i = 0; i < actions.size(); i++) {
      ActionConfig action = actions.get(i);
      if (action == null) {
        problems.add(list + "::" + i + ": must be a map of settings");
        continue;
      }
      for (String problem : action.problems()) {
        problems.add(list + "::" + i + problem);
      }
    }
    return problems;
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    String name = actionName();
    if (!ACTIONS.contains(name)) {
      problems.add(
          "::action: unsupported action \""
              + name
              + "\"; must be one of insert, update, upsert, delete, hash, extract, convert");
      return problems;
    }
    boolean hasKey = !empty(key);
    boolean hasPattern = !empty(pattern);
    int sources =
        (value != null ? 1 : 0) + (empty(fromAttribute) ? 0 : 1) + (empty(fromContext) ? 0 : 1);
    if ((name.equals("delete") || name.equals("hash")) && !hasKey && !hasPattern) {
      problems.add(": at least one of \"key\" and \"pattern\" has to be used");
    } else if (!name.equals("delete") && !name.equals("hash") && !hasKey) {
      problems.add("::key: missing required field \"key\"");
    }
    if (!empty(convertedType) && !name.equals("convert")) {
      problems.add("::converted_type: action \"" + name + "\" does not use \"converted_type\"");
    }
    if (defaultValue != null && !Set.of("insert", "update", "upsert").contains(name)) {
      problems.add("::default_value: action \"" + name + "\" does not use \"default_value\"");
    }
    switch (name) {
      case "insert", "update", "upsert" -> {
        if (sources == 0 && defaultValue == null) {
          problems.add(
              ": either \"value\", \"from_attribute\" or \"from_context\" must be specified");
        } else if (sources > 1) {
          problems.add(
              ": only one of \"value\", \"from_attribute\" and \"from_context\" may be specified");
        }
        if (hasPattern) {
          problems.add("::pattern: action \"" + name + "\" does not use \"pattern\"");
        }
        valueProblem("value", value, problems);
        valueProblem("default_value", defaultValue, problems);
      }
      case "delete", "hash" -> {
        if (value != null || !empty(fromAttribute)) {
          problems.add(": action \"" + name + "\" does not use \"value\" or \"from_attribute\"");
        }
        if (hasPattern) {
          compile(problems);
        }
      }
      case "extract" -> {
        if (sources > 0) {
          problems.add(": action \"extract\" does not use a value source");
        }
        if (!hasPattern) {
          problems.add("::pattern: missing required field \"pattern\" for action \"extract\"");
        } else {
          Pattern compiled = compile(problems);
          if (compiled != null) {
            if (compiled.groupCount() == 0) {
              problems.add("::pattern: contains no named matcher groups");
            } else if (compiled.namedGroups().size() != compiled.groupCount()) {
              problems.add("::pattern: contains at least one unnamed matcher group");
            }
          }
        }
      }
      default -> { // convert
        if (sources > 0 || hasPattern) {
          problems.add(": action \"convert\" does not use value sources or \"pattern\"");
        }
        if (empty(convertedType)) {
          problems.add("::converted_type: missing required field \"converted_type\"");
        } else if (!Set.of("int", "double", "string").contains(convertedType)) {
          problems.add(
              "::converted_type: invalid value \""
                  + convertedType
                  + "\"; must be int, double or string");
        }
      }
    }
    return problems;
  }

  private Pattern compile(List<String> problems) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      problems.add("::pattern: invalid pattern \"" + pattern + "\": " + e.getDescription());
      return null;
    }
  }

  private static void valueProblem(String field, Object raw, List<String> problems) {
    try {
      AnyValues.fromConfig(raw);
    } catch (IllegalArgumentException e) {
      problems.add("::" + field + ": " + e.getMessage());
    }
  }

  static boolean empty(String text) {
    return text == null || text.isEmpty();
  }
}
