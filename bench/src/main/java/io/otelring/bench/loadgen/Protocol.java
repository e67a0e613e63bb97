package io.otelring.bench.loadgen;

/**
 * How the load generator speaks OTLP; the names are those of {@code OTEL_EXPORTER_OTLP_PROTOCOL}.
 */
public enum Protocol {
  GRPC("grpc", 4317),
  HTTP_PROTOBUF("http/protobuf", 4318),
  HTTP_JSON("http/json", 4318);

  private final String cliName;
  private final int defaultPort;

  Protocol(String cliName, int defaultPort) {
    this.cliName = cliName;
    this.defaultPort = defaultPort;
  }

  public String cliName() {
    return cliName;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /**
   * The protocol of a command-line name ({@code grpc}, {@code http/protobuf}, {@code http/json}).
   */
  public static Protocol of(String name) {
    for (Protocol protocol : values()) {
      if (protocol.cliName.equalsIgnoreCase(name.trim())) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        "unknown protocol \"" + name + "\"; use grpc, http/protobuf or http/json");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
