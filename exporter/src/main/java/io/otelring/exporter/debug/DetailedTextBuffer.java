package io.otelring.exporter.debug;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * The line writer behind the detailed text, with the layout of the Go debug exporter's {@code
 * otlptext} package: one entry per line, {@code " %-15s: %s"} span fields, and attribute lists
 * under a header whose {@code ->} offset indents them.
 */
final class DetailedTextBuffer {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(1024);

  DetailedTextBuffer line(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** A span field: the name left-aligned in 15 columns. */
  void field(String name, String value) {
    text.append("    ").append(name);
    for (int i = name.length(); i < 15; i++) {
      text.append(' ');
    }
    text.append(": ").append(value).append('\n');
  }

  /**
   * Writes {@code header:} and one {@code -> key: Type(value)} line per attribute, nothing for no
   * attributes. A header such as {@code " -> Attributes:"} shifts the entries by what precedes its
   * arrow (which is also why Go prints that header with two colons).
   */
  void attributes(String header, List<KeyValue> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    line(header + ":");
    int arrow = header.indexOf("->");
    String prefix = (arrow >= 0 ? header.substring(0, arrow) : "") + "     ->";
    for (KeyValue kv : attributes) {
      line(prefix + " " + kv.getKey() + ": " + AnyValueText.typed(kv.getValue()));
    }
  }

  void scope(InstrumentationScope scope) {
    line("InstrumentationScope " + scope.getName() + " " + scope.getVersion());
    attributes("InstrumentationScope attributes", scope.getAttributesList());
  }

  /** pdata's {@code TraceID.String()} / {@code SpanID.String()}: lower hex, empty for all zeros. */
  static String id(ByteString bytes) {
    boolean allZero = true;
    StringBuilder hex = new StringBuilder(bytes.size() * 2);
    for (int i = 0; i < bytes.size(); i++) {
      int b = bytes.byteAt(i) & 0xFF;
      allZero &= b == 0;
      hex.append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
    return allZero ? "" : hex.toString();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
