package io.otelring.processor.attraction;

import io.opentelemetry.proto.common.v1.AnyValue;

/**
 * The {@code convert} action: the Go collector's type conversions, which leave a value as it is
 * when it cannot be converted (a string that is not a number, a map to int).
 */
final class Conversions {

  private Conversions() {}

  /** The converted value, or the same instance when nothing changes. */
  static AnyValue convert(AnyValue value, String to) {
    return switch (to) {
      case "string" ->
          value.getValueCase() == AnyValue.ValueCase.STRING_VALUE
              ? value
              : AnyValues.string(AnyValues.asString(value));
      case "int" -> toInt(value);
      case "double" -> toDouble(value);
      default -> value;
    };
  }

  private static AnyValue toInt(AnyValue value) {
    switch (value.getValueCase()) {
      case DOUBLE_VALUE:
        // Go's int64(float64) truncates toward zero; Java's cast does the same within range.
        return AnyValues.integer((long) value.getDoubleValue());
      case BOOL_VALUE:
        return AnyValues.integer(value.getBoolValue() ? 1 : 0);
      case STRING_VALUE:
        try {
          return AnyValues.integer(Long.parseLong(goInteger(value.getStringValue())));
        } catch (NumberFormatException e) {
          return value;
        }
      default:
        return value;
    }
  }

  private static AnyValue toDouble(AnyValue value) {
    switch (value.getValueCase()) {
      case INT_VALUE:
        return AnyValues.number(value.getIntValue());
      case BOOL_VALUE:
        return AnyValues.number(value.getBoolValue() ? 1 : 0);
      case STRING_VALUE:
        String text = value.getStringValue().strip();
        if (!text.equals(value.getStringValue())
            || text.isEmpty()
            || text.endsWith("d")
            || text.endsWith("D")
            || text.endsWith("f")
            || text.endsWith("F")) {
          // strconv.ParseFloat accepts no surrounding space and no Java type suffixes.
          return value;
        }
        try {
          return AnyValues.number(Double.parseDouble(goFloat(text)));
        } catch (NumberFormatException e) {
          return value;
        }
      default:
        return value;
    }
  }

  /** strconv.ParseInt(s, 10, 64) accepts an optional sign and decimal digits, and no "+" alone. */
  private static String goInteger(String text) {
    if (text.isEmpty()
        || text.chars()
            .skip(text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0)
            .anyMatch(c -> c < '0' || c > '9')) {
      throw new NumberFormatException(text);
    }
    return text;
  }

  /**
   * ParseFloat spells infinity "Inf"/"Infinity" in any case and NaN "NaN"; Java wants "Infinity".
   */
  private static String goFloat(String text) {
    String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    String sign = text.startsWith("-") ? "-" : "";
    if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
      return sign + "Infinity";
    }
    if (unsigned.equalsIgnoreCase("nan")) {
      return "NaN";
    }
    if (unsigned.contains("_") || unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
      throw new NumberFormatException(text);
    }
    return text;
  }
}
