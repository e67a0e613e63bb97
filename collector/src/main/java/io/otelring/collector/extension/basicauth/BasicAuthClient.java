package io.otelring.collector.extension.basicauth;

import io.otelring.core.component.ClientAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Sends {@code Authorization: Basic base64(user:password)} with every request. */
final class BasicAuthClient implements ClientAuthenticator {

  private final Map<String, String> headers;
  private final boolean colonInUsername;

  BasicAuthClient(BasicAuthConfig.ClientAuth auth) {
    this.colonInUsername = auth.username().contains(":");
    String credentials = auth.username() + ":" + auth.password();
    this.headers =
        Map.of(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** Go's client refuses a user name with a colon, which Basic credentials cannot carry. */
  @Override
  public void start() {
    if (colonInUsername) {
      throw new IllegalArgumentException("invalid authorization format");
    }
  }

  @Override
  public Map<String, String> requestHeaders() {
    return headers;
  }

  @Override
  public void shutdown(Duration deadline) {}
}
