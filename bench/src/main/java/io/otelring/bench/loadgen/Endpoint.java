package io.otelring.bench.loadgen;

import java.net.URI;

/**
 * Where the load goes: host, port, and whether to use TLS. {@code --endpoint} takes {@code
 * host:port} or a URL; a URL's scheme decides TLS, otherwise TLS is on unless {@code --insecure},
 * as for telemetrygen.
 */
public record Endpoint(String host, int port, boolean tls) {

  /** Parses {@code --endpoint}; an empty one is {@code localhost} on the protocol's port. */
  public static Endpoint parse(String text, Protocol protocol, boolean insecure) {
    String value = text == null || text.isBlank() ? "localhost" : text.trim();
    boolean tls = !insecure;
    if (value.startsWith("http://") || value.startsWith("https://")) {
      tls = value.startsWith("https://");
    } else {
      value = "dummy://" + value;
    }
    URI uri = URI.create(value);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("--endpoint " + text + ": expected host:port or a URL");
    }
    int port = uri.getPort() < 0 ? protocol.defaultPort() : uri.getPort();
    return new Endpoint(uri.getHost(), port, tls);
  }

  /** The URL of a signal's OTLP/HTTP path, e.g. {@code http://host:4318/v1/traces}. */
  public URI httpUri(String signalPath) {
    String host = this.host.contains(":") ? "[" + this.host + "]" : this.host;
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port + "/v1/" + signalPath);
  }

  @Override
  public String toString() {
    return host + ":" + port + (tls ? " (TLS)" : "");
  }
}
