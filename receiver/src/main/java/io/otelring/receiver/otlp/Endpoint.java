package io.otelring.receiver.otlp;

import java.net.InetSocketAddress;

/**
 * A listen address written as Go writes it: {@code host:port}, {@code :port} (every interface) or
 * {@code [ipv6]:port}. The port must be a number; Go's service names are not resolved.
 */
record Endpoint(String host, int port) {

  /**
   * Parses an endpoint.
   *
   * @throws IllegalArgumentException with a message that completes "endpoint: …"
   */
  static Endpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("must be host:port, got \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "an IPv6 host must be in brackets, as in \"[::1]:4317\", got \"" + text + "\"");
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException notNumber) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "port must be a number from 0 to 65535, got \"" + text + "\"");
    }
    return new Endpoint(host, port);
  }

  /** The socket address to bind: the wildcard address when the host is empty. */
  InetSocketAddress socketAddress() {
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
