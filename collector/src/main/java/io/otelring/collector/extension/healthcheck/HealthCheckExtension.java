package io.otelring.collector.extension.healthcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.otelring.collector.extension.ExtensionServer;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import io.otelring.core.config.GoDuration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Answers health probes the way the Go collector's {@code health_check} does: 200 with {@code
 * {"status":"Server available","upSince":…,"uptime":…}} while the pipelines run, 503 with {@code
 * "Server not available"} before start and after shutdown begins.
 */
final class HealthCheckExtension implements Extension {

  private final ComponentSettings settings;
  private final HealthCheckConfig config;
  private final Host host;
  private HttpServer server;
  private volatile Instant upSince;

  HealthCheckExtension(ComponentSettings settings, HealthCheckConfig config, Host host) {
    this.settings = settings;
    this.config = config;
    this.host = host;
  }

  @Override
  public synchronized void start() throws IOException {
    server =
        ExtensionServer.start(
            config.endpoint(), "health-check", Map.of(config.path(), this::answer));
    upSince = Instant.now();
    settings
        .logger()
        .info("{}: Starting health_check extension on {}", settings.id(), config.endpoint());
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(config.path())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      boolean healthy = host.pipelinesRunning();
      byte[] body = body(healthy).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType());
      exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private String body(boolean healthy) {
    if (config.responseBody() != null) {
      String custom = healthy ? config.responseBody().healthy() : config.responseBody().unhealthy();
      return custom == null ? "" : custom;
    }
    Instant since = upSince;
    String uptime =
        healthy && since != null
            ? GoDuration.format(
                Duration.between(since, Instant.now()).truncatedTo(ChronoUnit.MICROS))
            : "";
    return "{\"status\":\""
        + (healthy ? "Server available" : "Server not available")
        + "\",\"upSince\":\""
        + (since == null ? "0001-01-01T00:00:00Z" : since)
        + "\",\"uptime\":\""
        + uptime
        + "\"}";
  }

  private String contentType() {
    return config.responseBody() != null ? "text/plain; charset=utf-8" : "application/json";
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    ExtensionServer.stop(server);
    server = null;
  }
}
