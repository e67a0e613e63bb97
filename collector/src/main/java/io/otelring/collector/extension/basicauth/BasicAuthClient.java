package io.otelring.collector.extension.basicauth;

import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.consumer.ClientMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Sends {@code Authorization: Basic base64(user:password)} with every request. */
final class BasicAuthClient implements ClientAuthenticator {

  private final String value;
  private final boolean colonInUsername;

  BasicAuthClient(BasicAuthConfig.ClientAuth auth) {
    this.colonInUsername = auth.username().contains(":");
    String credentials = auth.username() + ":" + auth.password();
    this.value =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** Go's client refuses a user name with a colon, which Basic credentials cannot carry. */
  @Override
  public void start() {
    if (colonInUsername) {
      throw new IllegalArgumentException("invalid authorization format");
    }
  }

  @Override
  public void applyHeaders(ClientMetadata metadata, Map<String, String> headers) {
    headers.put("Authorization", value);
  }

  @Override
  public void shutdown(Duration deadline) {}
}
