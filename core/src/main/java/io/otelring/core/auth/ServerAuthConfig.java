package io.otelring.core.auth;

import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import io.otelring.core.component.ServerAuthenticator;
import java.util.List;

/**
 * A server's {@code auth}: which extension checks every request, and (HTTP only) which query
 * parameters it sees along with the headers.
 *
 * @param authenticator the extension's id, such as {@code bearertokenauth/ingest}
 * @param requestParams query parameters passed to the authenticator as if they were headers
 */
public record ServerAuthConfig(String authenticator, List<String> requestParams) {

  public ServerAuthConfig {
    authenticator = authenticator == null ? "" : authenticator;
    requestParams = requestParams == null ? List.of() : List.copyOf(requestParams);
  }

  /** The authenticator id's problems, under {@code path} (the section's). */
  public void validate(String path, List<String> problems) {
    Authenticators.validateId(path, authenticator, problems);
  }

  /**
   * The extension named, from the running collector.
   *
   * @throws IllegalArgumentException with Go's message when it is missing or does not check servers
   */
  public ServerAuthenticator resolve(Host host) {
    Extension extension = Authenticators.find(host, authenticator);
    if (!(extension instanceof ServerAuthenticator server)) {
      throw new IllegalArgumentException("requested authenticator is not a server authenticator");
    }
    return server;
  }
}
