package io.otelring.collector.extension.headerssetter;

import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.consumer.ClientMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the configured headers to each outgoing request, in order, as Go's {@code
 * headers_setter}: {@code insert} sets a header that is absent or empty, {@code update} one that is
 * there, {@code upsert} always, {@code delete} removes it. A value from the context is the batch's
 * client metadata under that key, or {@code default_value} (else empty) when it has none.
 */
final class HeadersSetterExtension implements ClientAuthenticator {

  private enum Action {
    INSERT,
    UPDATE,
    UPSERT,
    DELETE
  }

  private record Rule(String key, Action action, String value, String fromContext, String orElse) {}

  private final List<Rule> rules = new ArrayList<>();

  HeadersSetterExtension(ComponentSettings settings, HeadersSetterConfig config) {
    for (HeadersSetterConfig.Header header : config.headers()) {
      Action action;
      if (header.action() == null || header.action().isEmpty()) {
        settings
            .logger()
            .warn(
                "The action was not provided, using 'upsert'. In future versions, we'll require"
                    + " this to be explicitly set");
        action = Action.UPSERT;
      } else {
        action =
            switch (header.action()) {
              case "insert" -> Action.INSERT;
              case "update" -> Action.UPDATE;
              case "delete" -> Action.DELETE;
              case "upsert" -> Action.UPSERT;
              default -> {
                settings
                    .logger()
                    .warn(
                        "Unknown action \"{}\" for header {}, using 'upsert'",
                        header.action(),
                        header.key());
                yield Action.UPSERT;
              }
            };
      }
      rules.add(
          new Rule(
              header.key(),
              action,
              header.value(),
              header.fromContext(),
              header.defaultValue() == null ? "" : header.defaultValue()));
    }
  }

  /**
   * @throws IllegalStateException when the metadata has several values for a key a header is taken
   *     from, as Go fails the request then: which one to send cannot be told
   */
  @Override
  public void applyHeaders(ClientMetadata metadata, Map<String, String> headers) {
    for (Rule rule : rules) {
      String value = rule.value() != null ? rule.value() : fromContext(rule, metadata);
      String current = headers.get(rule.key());
      switch (rule.action()) {
        case INSERT -> {
          if (current == null || current.isEmpty()) {
            headers.put(rule.key(), value);
          }
        }
        case UPDATE -> {
          if (current != null && !current.isEmpty()) {
            headers.put(rule.key(), value);
          }
        }
        case UPSERT -> headers.put(rule.key(), value);
        case DELETE -> headers.remove(rule.key());
      }
    }
  }

  private static String fromContext(Rule rule, ClientMetadata metadata) {
    if (rule.fromContext() == null) {
      return "";
    }
    List<String> values = metadata.get(rule.fromContext());
    if (values.isEmpty()) {
      return rule.orElse();
    }
    if (values.size() > 1) {
      throw new IllegalStateException(
          values.size() + " source keys found in the context, can't determine which one to use");
    }
    return values.get(0);
  }

  /** These are headers, not credentials: they may travel without TLS, as in Go. */
  @Override
  public boolean requiresTransportSecurity() {
    return false;
  }

  @Override
  public void start() {}

  @Override
  public void shutdown(Duration deadline) {}
}
