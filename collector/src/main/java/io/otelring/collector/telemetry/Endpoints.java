package io.otelring.collector.telemetry;

import java.net.InetSocketAddress;

/** Parses the {@code host:port} endpoints of the config ({@code :8888} means every interface). */
public final class Endpoints {

  private Endpoints() {}

  public static InetSocketAddress parse(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("endpoint must be host:port, not \"" + endpoint + "\"");
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("endpoint \"" + endpoint + "\" has no numeric port");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
