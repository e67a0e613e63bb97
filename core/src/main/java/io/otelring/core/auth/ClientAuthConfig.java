package io.otelring.core.auth;

import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import java.util.List;

/**
 * A client's {@code auth}: the extension that gives every outgoing request its credentials.
 *
 * @param authenticator the extension's id, such as {@code bearertokenauth/tempo}
 */
public record ClientAuthConfig(String authenticator) {

  public ClientAuthConfig {
    authenticator = authenticator == null ? "" : authenticator;
  }

  /** The authenticator id's problems, under {@code path} (the section's). */
  public void validate(String path, List<String> problems) {
    Authenticators.validateId(path, authenticator, problems);
  }

  /**
   * The extension named, from the running collector.
   *
   * @param kind {@code HTTP} or {@code gRPC}, for Go's message when the extension is no client one
   * @throws IllegalArgumentException with Go's message when it is missing or is no client one
   */
  public ClientAuthenticator resolve(Host host, String kind) {
    Extension extension = Authenticators.find(host, authenticator);
    if (!(extension instanceof ClientAuthenticator client)) {
      throw new IllegalArgumentException(
          "requested authenticator is not a " + kind + " client authenticator");
    }
    return client;
  }
}
