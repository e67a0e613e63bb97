package io.otelring.collector.extension.headerssetter;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code headers_setter} extension's settings, with the Go collector-contrib's keys.
 *
 * @param headers what to do to each outgoing request, in order
 */
public record HeadersSetterConfig(List<Header> headers) implements ComponentConfig {

  public HeadersSetterConfig {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /**
   * One header and where its value comes from.
   *
   * @param key the header's name
   * @param action {@code insert}, {@code update}, {@code upsert} (the default) or {@code delete}
   * @param value a fixed value
   * @param fromContext the client metadata key whose value is taken
   * @param fromAttribute an authenticator's attribute; otelring's authenticators keep none
   * @param defaultValue taken when the metadata has no value; never printed
   */
  public record Header(
      String key,
      String action,
      String value,
      String fromContext,
      String fromAttribute,
      String defaultValue) {

    @Override
    public String toString() {
      return "Header[key="
          + key
          + ", action="
          + action
          + ", value="
          + (value == null ? null : "[REDACTED]")
          + ", fromContext="
          + fromContext
          + ", fromAttribute="
          + fromAttribute
          + ", defaultValue="
          + (defaultValue == null ? null : "[REDACTED]")
          + "]";
    }
  }

  /** Go's checks and messages, and what otelring cannot do. */
  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (headers.isEmpty()) {
      problems.add("missing headers configuration");
    }
    for (int i = 0; i < headers.size(); i++) {
      Header header = headers.get(i);
      String path = "headers::" + i;
      if (header.key() == null || header.key().isEmpty()) {
        problems.add(path + "::key: missing header name");
        continue;
      }
      if ("delete".equals(header.action())) {
        continue;
      }
      int sources =
          (header.value() != null ? 1 : 0)
              + (header.fromContext() != null ? 1 : 0)
              + (header.fromAttribute() != null ? 1 : 0);
      if (sources == 0) {
        problems.add(
            path + ": missing header source, must be 'from_context', 'from_attribute' or 'value'");
      } else if (sources > 1) {
        problems.add(
            path
                + ": invalid header source, must either 'from_context', 'from_attribute' or 'value'");
      } else if (header.fromAttribute() != null) {
        problems.add(
            path
                + "::from_attribute: otelring's authenticators keep no attributes of the client;"
                + " use from_context with the receiver's include_metadata");
      }
    }
    return problems;
  }
}
