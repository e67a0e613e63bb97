package io.otelring.collector.extension.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.collector.FreePorts;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Kind;
import io.otelring.core.config.ComponentConfigBinder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckExtensionTest {

  private final HealthCheckExtensionFactory factory = new HealthCheckExtensionFactory();
  private final AtomicBoolean running = new AtomicBoolean();
  private final HttpClient http = HttpClient.newHttpClient();
  private Extension extension;

  @AfterEach
  void stop() throws Exception {
    if (extension != null) {
      extension.shutdown(Duration.ofSeconds(1));
    }
  }

  private int start(HealthCheckConfig config) throws Exception {
    extension =
        factory.createExtension(
            ComponentSettings.of(
                ComponentId.of("health_check"), Kind.EXTENSION, new SimpleMeterRegistry()),
            config,
            running::get);
    extension.start();
    return Integer.parseInt(config.endpoint().substring(config.endpoint().lastIndexOf(':') + 1));
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void defaultsAreTheGoCollectorsButListenOnEveryInterface() {
    assertThat(factory.defaultConfig())
        .isEqualTo(new HealthCheckConfig("0.0.0.0:13133", "/", null, null));
  }

  @Test
  void answers503UntilThePipelinesRunThen200() throws Exception {
    int port = start(new HealthCheckConfig("127.0.0.1:" + FreePorts.next(), "/", null, null));

    HttpResponse<String> before = get(port, "/");
    running.set(true);
    HttpResponse<String> during = get(port, "/");
    running.set(false);
    HttpResponse<String> after = get(port, "/");

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).startsWith("{\"status\":\"Server not available\",\"upSince\":\"");
    assertThat(during.statusCode()).isEqualTo(200);
    assertThat(during.body())
        .matches(
            "\\{\"status\":\"Server available\",\"upSince\":\"[0-9T:.Z-]+\",\"uptime\":\"[0-9.]+[mµ]?s\"}");
    assertThat(after.statusCode()).isEqualTo(503);
  }

  @Test
  void servesAConfiguredPathAndBodies() throws Exception {
    int port =
        start(
            new HealthCheckConfig(
                "127.0.0.1:" + FreePorts.next(),
                "/health/status",
                new HealthCheckConfig.ResponseBody("I'm OK", "I'm not well"),
                null));
    running.set(true);

    assertThat(get(port, "/health/status").body()).isEqualTo("I'm OK");
    assertThat(get(port, "/other").statusCode()).isEqualTo(404);
  }

  @Test
  void aPortInUseFailsStart() throws Exception {
    int port = start(new HealthCheckConfig("127.0.0.1:" + FreePorts.next(), "/", null, null));
    Extension second =
        factory.createExtension(
            ComponentSettings.of(
                ComponentId.parse("health_check/2"), Kind.EXTENSION, new SimpleMeterRegistry()),
            new HealthCheckConfig("127.0.0.1:" + port, "/", null, null),
            running::get);

    assertThatThrownBy(second::start).hasMessageContaining("Address already in use");
  }

  @Test
  void invalidSettingsAreReportedTogether() {
    var result =
        new ComponentConfigBinder()
            .bind(
                factory,
                JsonNodeFactory.instance
                    .objectNode()
                    .put("endpoint", "13133")
                    .put("path", "health"));

    assertThat(result.problems())
        .isEqualTo(
            List.of("endpoint: must be host:port, not \"13133\"", "path: must start with \"/\""));
  }
}
