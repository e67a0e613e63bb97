package io.otelring.bench.baseline;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baseline}: runs B0 or B2 as its own process until it is stopped, with its counts served as
 * text on {@code http://host:stats-port/stats} for the benchmark to read.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description =
        "Runs a baseline OTLP/gRPC server (b0: reads bytes and acks; b2: parses and acks).")
public final class BaselineCommand implements Callable<Integer> {

  @Option(names = "--kind", required = true, description = "b0 or b2")
  String kind;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on")
  String host;

  @Option(names = "--port", defaultValue = "4317", description = "OTLP/gRPC port")
  int port;

  @Option(names = "--stats-port", defaultValue = "0", description = "port of /stats; 0 = none")
  int statsPort;

  @Override
  public Integer call() throws Exception {
    Baseline baseline = Baseline.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    BaselineServer server = BaselineServer.start(baseline, host, port, null);
    HttpServer stats = null;
    if (statsPort > 0) {
      stats = HttpServer.create(new InetSocketAddress(host, statsPort), 0);
      stats.createContext(
          "/stats",
          exchange -> {
            byte[] body = server.counts().text().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      stats.start();
    }
    System.err.println(
        "baseline " + baseline.cliName() + " listening on " + host + ":" + server.port());
    CountDownLatch stopped = new CountDownLatch(1);
    HttpServer statsServer = stats;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  if (statsServer != null) {
                    statsServer.stop(0);
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
