package io.otelring.collector.extension.bearertokenauth;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bearertokenauth} extension's settings, with the Go collector-contrib's keys and
 * defaults. The tokens never appear in logs or in {@link #toString()}.
 *
 * @param header the header that carries the token ({@code Authorization})
 * @param scheme written before the token with a space ({@code Bearer}); empty for none
 * @param token the one token
 * @param tokens several tokens, any of which a server accepts; a client sends the first
 * @param filename a file of tokens, one per line, read again whenever it changes; when set, the
 *     tokens above are ignored
 */
public record BearerTokenAuthConfig(
    String header, String scheme, String token, List<String> tokens, String filename)
    implements ComponentConfig {

  public BearerTokenAuthConfig {
    header = header == null || header.isEmpty() ? "Authorization" : header;
    scheme = scheme == null ? "Bearer" : scheme;
    token = token == null ? "" : token;
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    filename = filename == null ? "" : filename;
  }

  static BearerTokenAuthConfig defaults() {
    return new BearerTokenAuthConfig(null, null, null, null, null);
  }

  /** Go's checks, with Go's messages. */
  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (token.isEmpty() && tokens.isEmpty() && filename.isEmpty()) {
      problems.add("no bearer token provided");
    }
    if (!token.isEmpty() && !tokens.isEmpty()) {
      problems.add("either tokens or token should be provided, not both");
    }
    return problems;
  }

  /** The tokens written in the config: {@code tokens}, or {@code token} alone. */
  List<String> configuredTokens() {
    return !tokens.isEmpty() ? tokens : token.isEmpty() ? List.of() : List.of(token);
  }

  @Override
  public String toString() {
    return "BearerTokenAuthConfig[header="
        + header
        + ", scheme="
        + scheme
        + ", token="
        + (token.isEmpty() ? "" : "[REDACTED]")
        + ", tokens="
        + (tokens.isEmpty() ? "[]" : "[" + tokens.size() + " REDACTED]")
        + ", filename="
        + filename
        + "]";
  }
}
