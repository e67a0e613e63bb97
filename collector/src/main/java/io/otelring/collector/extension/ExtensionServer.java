package io.otelring.collector.extension;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.otelring.collector.telemetry.Endpoints;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The small HTTP server of an extension that answers people and probes (health_check, zpages): the
 * JDK's, on one daemon thread named after the extension — a few requests a minute need no more.
 */
public final class ExtensionServer {

  private ExtensionServer() {}

  /** Listens on {@code endpoint} ({@code host:port}) with a handler per path prefix. */
  public static HttpServer start(String endpoint, String thread, Map<String, HttpHandler> paths)
      throws IOException {
    HttpServer server = HttpServer.create(Endpoints.parse(endpoint), 0);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread named = new Thread(runnable, thread);
              named.setDaemon(true);
              return named;
            }));
    paths.forEach(server::createContext);
    server.start();
    return server;
  }

  /** Stops at once; null is nothing to stop. */
  public static void stop(HttpServer server) {
    if (server != null) {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
