package io.otelring.collector.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's own metrics: one Micrometer registry handed to every component, served as
 * Prometheus text on {@code service.telemetry.metrics} (default {@code 0.0.0.0:8888/metrics}).
 * Every series carries {@code service_name}, {@code service_version} and {@code
 * service_instance_id}, as the Go collector's do.
 */
public final class SelfMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SelfMetrics.class);

  private final PrometheusMeterRegistry registry;
  private final String address;
  private HTTPServer server;

  /**
   * @param address host:port to serve on, or null for no endpoint (metrics are still counted)
   */
  public SelfMetrics(String address, Map<String, String> resource) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<Tag> tags = new ArrayList<>();
    // Prometheus label names cannot hold dots: service.name becomes service_name.
    resource.forEach((key, value) -> tags.add(Tag.of(key.replace('.', '_'), value)));
    this.registry.config().commonTags(tags);
    this.address = address;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text of every meter, as the endpoint serves it. */
  public String scrape() {
    return registry.scrape();
  }

  /** Opens the endpoint; a port in use fails here, naming the address. */
  public void start() {
    if (address == null) {
      return;
    }
    InetSocketAddress socket = Endpoints.parse(address);
    try {
      server =
          HTTPServer.builder()
              .inetAddress(socket.getAddress())
              .port(socket.getPort())
              .registry(registry.getPrometheusRegistry())
              .buildAndStart();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "service::telemetry::metrics: cannot listen on " + address + ": " + e.getMessage(), e);
    }
    LOG.info("Serving metrics on http://{}/metrics", address);
  }

  /** The port actually bound (useful when the config asked for port 0). */
  public int port() {
    return server == null ? -1 : server.getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
    registry.close();
  }
}
