package io.otelring.collector.extension.basicauth;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code basicauth} extension's settings, with the Go collector-contrib's keys: one of a server
 * side ({@code htpasswd}) or a client side ({@code client_auth}). Passwords never appear in {@link
 * #toString()}.
 *
 * @param htpasswd the accepted users, for receivers
 * @param clientAuth the user an exporter sends
 */
public record BasicAuthConfig(Htpasswd htpasswd, ClientAuth clientAuth) implements ComponentConfig {

  /**
   * @param file an Apache htpasswd file
   * @param inline htpasswd lines; a user here replaces the same user of the file
   */
  public record Htpasswd(String file, String inline) {
    public Htpasswd {
      file = file == null ? "" : file;
      inline = inline == null ? "" : inline;
    }

    @Override
    public String toString() {
      return "Htpasswd[file=" + file + ", inline=" + (inline.isEmpty() ? "" : "[REDACTED]") + "]";
    }
  }

  /**
   * @param username sent as is; it may not contain a colon
   * @param password sent as is
   */
  public record ClientAuth(String username, String password) {
    public ClientAuth {
      username = username == null ? "" : username;
      password = password == null ? "" : password;
    }

    @Override
    public String toString() {
      return "ClientAuth[username=" + username + ", password=[REDACTED]]";
    }
  }

  /** Go's checks, with Go's messages. */
  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (htpasswd != null && clientAuth != null) {
      problems.add("only one of `htpasswd` or `client_auth` can be specified");
    } else if (htpasswd == null && clientAuth == null) {
      problems.add("no credential source provided");
    } else if (htpasswd != null && htpasswd.file().isEmpty() && htpasswd.inline().isEmpty()) {
      problems.add("no credential source provided");
    }
    return problems;
  }
}
