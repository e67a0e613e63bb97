package io.otelring.exporter.debug;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} as Go does, so that the debug output matches the Go collector's: {@code
 * %f} ({@link #fixed6}), {@code %v} ({@link #general}), and the ES6-style form that Go's JSON
 * encoder and pdata's {@code Value.AsString} use ({@link #json}).
 *
 * <p>Go's shortest form is the fewest significant digits that parse back to the same double,
 * rounded to the nearest; this finds it by rounding the exact binary value to 1, 2, … 17 digits.
 * Java 17's {@code Double.toString} is not always shortest, so it is not used.
 */
final class GoFloatFormat {

  private GoFloatFormat() {}

  /** Go's {@code fmt.Sprintf("%f", v)}: six decimals, the exact value rounded half to even. */
  static String fixed6(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return special(v);
    }
    String text = new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    // BigDecimal has no negative zero; Go keeps the sign of -0 and of tiny negatives.
    return isNegative(v) && !text.startsWith("-") ? "-" + text : text;
  }

  /** Go's {@code fmt.Sprintf("%v", v)}: shortest digits, exponent form below 1e-4 or from 1e21. */
  static String general(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return special(v);
    }
    Digits d = Digits.shortest(v);
    int exp = d.pointPosition() - 1;
    String body =
        d.isZero() || (exp >= -4 && exp < 6) ? d.fixedForm() : d.exponentForm(/* trimExp= */ false);
    return isNegative(v) ? "-" + body : body;
  }

  /**
   * The form of Go's {@code encoding/json} for a float64 (shortest digits; exponent form below 1e-6
   * and from 1e21, with {@code e-7} rather than {@code e-07}). Returns null for NaN and the
   * infinities, which Go's JSON encoder refuses.
   */
  static String json(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    Digits d = Digits.shortest(v);
    double abs = Math.abs(v);
    String body = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? d.exponentForm(true) : d.fixedForm();
    return isNegative(v) ? "-" + body : body;
  }

  /** pdata's {@code Value.AsString()} of a double: the JSON form, or Go's error text. */
  static String pdataDouble(double v) {
    String json = json(v);
    return json != null ? json : "json: unsupported value: " + special(v);
  }

  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v > 0 ? "+Inf" : "-Inf";
  }

  private static boolean isNegative(double v) {
    return v < 0 || (v == 0 && 1 / v < 0);
  }

  /** Significant digits {@code d1d2…dn} of a magnitude, worth {@code 0.d1d2…dn × 10^point}. */
  private record Digits(String digits, int pointPosition) {

    static Digits shortest(double v) {
      double abs = Math.abs(v);
      if (abs == 0) {
        return new Digits("", 0);
      }
      BigDecimal exact = new BigDecimal(abs);
      BigDecimal rounded = exact;
      for (int precision = 1; precision <= 17; precision++) {
        rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (rounded.doubleValue() == abs) {
          break;
        }
      }
      BigDecimal stripped = rounded.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Digits(digits, digits.length() - stripped.scale());
    }

    boolean isZero() {
      return digits.isEmpty();
    }

    /** Plain decimal notation with as many decimals as the digits need (Go's 'f', -1). */
    String fixedForm() {
      StringBuilder out = new StringBuilder();
      if (pointPosition > 0) {
        for (int i = 0; i < pointPosition; i++) {
          out.append(i < digits.length() ? digits.charAt(i) : '0');
        }
      } else {
        out.append('0');
      }
      int decimals = Math.max(digits.length() - pointPosition, 0);
      if (decimals > 0) {
        out.append('.');
        for (int i = 0; i < decimals; i++) {
          int index = pointPosition + i;
          out.append(index >= 0 && index < digits.length() ? digits.charAt(index) : '0');
        }
      }
      return out.toString();
    }

    /** Go's 'e', -1: {@code 1.5e+07}; with trimExp, a one-digit negative exponent loses its 0. */
    String exponentForm(boolean trimExp) {
      StringBuilder out = new StringBuilder();
      out.append(isZero() ? '0' : digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      int exp = isZero() ? 0 : pointPosition - 1;
      out.append('e').append(exp < 0 ? '-' : '+');
      int magnitude = Math.abs(exp);
      if (magnitude < 10 && !(trimExp && exp < 0)) {
        out.append('0');
      }
      return out.append(magnitude).toString();
    }
  }
}
