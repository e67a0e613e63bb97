package io.otelring.exporter.otlp;

import java.time.Duration;
import java.util.List;

/**
 * {@code keepalive} of a gRPC client (Go's {@code configgrpc.KeepaliveClientConfig}): ping after
 * {@code time} without activity (10s), give up after {@code timeout} (10s), and whether to ping
 * without calls in flight. The {@code otlp} exporter sets none unless the section is given.
 */
public record KeepaliveClientConfig(Duration time, Duration timeout, Boolean permitWithoutStream) {

  public KeepaliveClientConfig {
    time = time == null ? Duration.ofSeconds(10) : time;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    permitWithoutStream = permitWithoutStream != null && permitWithoutStream;
  }

  void validate(String path, List<String> problems) {
    if (time.isNegative()) {
      problems.add(path + "::time: must not be negative");
    }
    if (timeout.isNegative()) {
      problems.add(path + "::timeout: must not be negative");
    }
  }
}
