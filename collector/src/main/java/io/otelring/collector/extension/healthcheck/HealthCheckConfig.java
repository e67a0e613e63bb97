package io.otelring.collector.extension.healthcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code health_check} extension's settings, with the Go collector's keys. {@code
 * check_collector_pipeline} is accepted (deprecated and without effect in the Go collector too).
 *
 * @param endpoint host:port to listen on
 * @param path the URL path that answers
 * @param responseBody fixed bodies instead of the JSON status
 */
public record HealthCheckConfig(
    String endpoint, String path, ResponseBody responseBody, JsonNode checkCollectorPipeline)
    implements ComponentConfig {

  /** Custom bodies for the healthy and unhealthy answers. */
  public record ResponseBody(String healthy, String unhealthy) {}

  static HealthCheckConfig defaults() {
    return new HealthCheckConfig("0.0.0.0:13133", "/", null, null);
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (endpoint == null || endpoint.isBlank()) {
      problems.add("endpoint: must not be empty");
    } else if (endpoint.lastIndexOf(':') < 0) {
      problems.add("endpoint: must be host:port, not \"" + endpoint + "\"");
    }
    if (path == null || !path.startsWith("/")) {
      problems.add("path: must start with \"/\"");
    }
    return problems;
  }
}
