package io.otelring.core.auth;

import io.otelring.core.component.ComponentId;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import java.util.List;

/** Finding the extension an {@code auth.authenticator} names, with Go's messages. */
final class Authenticators {

  private Authenticators() {}

  static void validateId(String path, String authenticator, List<String> problems) {
    if (authenticator.isEmpty()) {
      problems.add(path + "::authenticator: must name an authenticator extension");
      return;
    }
    try {
      ComponentId.parse(authenticator);
    } catch (IllegalArgumentException e) {
      problems.add(path + "::authenticator: " + e.getMessage());
    }
  }

  static Extension find(Host host, String authenticator) {
    return host.extension(ComponentId.parse(authenticator))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "failed to resolve authenticator \""
                        + authenticator
                        + "\": authenticator not found"));
  }
}
