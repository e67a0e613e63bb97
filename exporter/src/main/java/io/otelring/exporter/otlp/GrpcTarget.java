package io.otelring.exporter.otlp;

/**
 * A gRPC exporter's {@code endpoint} as Go's {@code configgrpc} reads it: {@code host:port}, or
 * with {@code http://} (which does not turn TLS off) or {@code https://} (which forces TLS) in
 * front, or a gRPC target such as {@code dns:///host:port}.
 *
 * @param target what the channel dials
 * @param forcesTls the endpoint starts with {@code https://}
 */
record GrpcTarget(String target, boolean forcesTls) {

  /**
   * Parses and checks an endpoint.
   *
   * @throws IllegalArgumentException with Go's message
   */
  static GrpcTarget parse(String endpoint) {
    if (endpoint == null || endpoint.isEmpty()) {
      throw new IllegalArgumentException("requires a non-empty \"endpoint\"");
    }
    boolean https = endpoint.startsWith("https://");
    String hostPort;
    if (endpoint.startsWith("http://")) {
      hostPort = endpoint.substring("http://".length());
    } else if (https) {
      hostPort = endpoint.substring("https://".length());
    } else if (endpoint.contains("://")) {
      String rest = endpoint.substring(endpoint.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      hostPort = slash < 0 ? rest : rest.substring(slash + 1);
      checkHostPort(hostPort);
      return new GrpcTarget(endpoint, false);
    } else {
      hostPort = endpoint;
    }
    checkHostPort(hostPort);
    return new GrpcTarget(hostPort, https);
  }

  private static void checkHostPort(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || (hostPort.startsWith("[") && !hostPort.substring(0, colon).endsWith("]"))) {
      throw new IllegalArgumentException("address " + hostPort + ": missing port in address");
    }
    String port = hostPort.substring(colon + 1);
    if (port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw new IllegalArgumentException("invalid port \"" + port + "\"");
    }
  }
}
