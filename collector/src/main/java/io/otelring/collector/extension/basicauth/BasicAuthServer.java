package io.otelring.collector.extension.basicauth;

import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.consumer.ClientMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Lets through requests whose {@code Authorization: Basic …} names a user of the htpasswd content
 * with that user's password. The content is read at start: the file, then the inline lines.
 */
final class BasicAuthServer implements ServerAuthenticator {

  private static final String PREFIX = "Basic ";

  private final BasicAuthConfig.Htpasswd source;
  private volatile HtpasswdUsers users = HtpasswdUsers.parse("");

  BasicAuthServer(BasicAuthConfig.Htpasswd source) {
    this.source = source;
  }

  @Override
  public void start() throws IOException {
    StringBuilder content = new StringBuilder();
    if (!source.file().isEmpty()) {
      try {
        content.append(Files.readString(Path.of(source.file()), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IOException("open htpasswd file: " + e.getMessage(), e);
      }
      content.append('\n');
    }
    content.append(source.inline());
    try {
      users = HtpasswdUsers.parse(content.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("read htpasswd content: " + e.getMessage(), e);
    }
  }

  /** Go's checks and messages, in Go's order. */
  @Override
  public void authenticate(ClientMetadata headers) throws AuthenticationException {
    List<String> values = headers.get("authorization");
    if (values.isEmpty() || values.get(0).isEmpty()) {
      throw new AuthenticationException("no basic auth provided");
    }
    String auth = values.get(0);
    if (auth.length() < PREFIX.length()
        || !auth.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new AuthenticationException("invalid authorization scheme prefix");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(auth.substring(PREFIX.length())), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("invalid authorization format");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new AuthenticationException("invalid authorization format");
    }
    if (!users.matches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
      throw new AuthenticationException("invalid credentials");
    }
  }

  @Override
  public void shutdown(Duration deadline) {}
}
