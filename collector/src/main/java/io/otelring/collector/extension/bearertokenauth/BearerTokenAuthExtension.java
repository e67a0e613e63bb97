package io.otelring.collector.extension.bearertokenauth;

import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.consumer.ClientMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Checks and sends bearer tokens. A server request passes when its first value of {@code header} is
 * {@code scheme + " " + token} for one of the tokens (compared in constant time); a client request
 * gets the first token. With {@code filename}, the tokens are the file's non-empty lines, read at
 * start and again whenever its directory changes — a Kubernetes secret is a symlink swapped in that
 * directory — as Go watches the file.
 */
final class BearerTokenAuthExtension implements ServerAuthenticator, ClientAuthenticator {

  private final BearerTokenAuthConfig config;
  private final Logger logger;
  private volatile Tokens tokens = new Tokens(List.of(), List.of(), "");
  private WatchService watcher;
  private Thread watching;

  BearerTokenAuthExtension(ComponentSettings settings, BearerTokenAuthConfig config) {
    this.config = config;
    this.logger = settings.logger();
    use(config.configuredTokens());
  }

  @Override
  public void start() throws IOException {
    if (config.filename().isEmpty()) {
      return;
    }
    if (!config.configuredTokens().isEmpty()) {
      logger.warn("a filename is specified. Configured token(s) is ignored!");
    }
    Path file = Path.of(config.filename()).toAbsolutePath();
    use(List.of());
    refresh(file);
    watcher = file.getFileSystem().newWatchService();
    file.getParent()
        .register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    watching = new Thread(() -> watch(file), "bearertokenauth-watch");
    watching.setDaemon(true);
    watching.start();
  }

  private void watch(Path file) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        key.pollEvents();
        refresh(file);
        if (!key.reset()) {
          logger.error("stopped watching {}: its directory is gone", file);
          return;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // shut down
    }
  }

  /** Reads the file's tokens; when it cannot be read, keeps the ones it had, as Go does. */
  private void refresh(Path file) {
    try {
      List<String> read = new ArrayList<>();
      for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
        // Go keeps empty lines, so a file ending in a newline would let "Bearer " through.
        if (!line.isBlank()) {
          read.add(line.strip());
        }
      }
      if (!read.equals(tokens.raw())) {
        use(read);
        logger.info("refresh token: {} token(s) from {}", read.size(), file);
      }
    } catch (IOException e) {
      logger.error("cannot read the bearer token file {}: {}", file, e.toString());
    }
  }

  /**
   * The tokens in use, swapped whole when the file changes.
   *
   * @param raw as configured or read
   * @param expected each as the header value a server accepts
   * @param first the header value a client sends
   */
  private record Tokens(List<String> raw, List<byte[]> expected, String first) {}

  private void use(List<String> raw) {
    List<byte[]> values = new ArrayList<>();
    for (String token : raw) {
      values.add(value(token).getBytes(StandardCharsets.UTF_8));
    }
    tokens =
        new Tokens(List.copyOf(raw), List.copyOf(values), raw.isEmpty() ? "" : value(raw.get(0)));
  }

  private String value(String token) {
    return config.scheme().isEmpty() ? token : config.scheme() + " " + token;
  }

  @Override
  public void authenticate(ClientMetadata headers) throws AuthenticationException {
    List<String> values = headers.get(config.header());
    if (values.isEmpty() || values.get(0).isEmpty()) {
      throw new AuthenticationException(
          "missing or empty authorization header: " + config.header());
    }
    byte[] presented = values.get(0).getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] candidate : tokens.expected()) {
      match |= MessageDigest.isEqual(candidate, presented);
    }
    if (!match) {
      // Go echoes the presented token here; it goes back to the client and into logs, so not.
      throw new AuthenticationException("scheme or token does not match");
    }
  }

  @Override
  public void applyHeaders(ClientMetadata metadata, Map<String, String> headers) {
    headers.put(config.header(), tokens.first());
  }

  @Override
  public void shutdown(Duration deadline) throws IOException {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    if (watching != null) {
      watching.interrupt();
      watching = null;
    }
  }
}
