package io.otelring.bench.baseline;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.otelring.bench.wire.WireItemCounter.ProbeListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A running baseline server. Like otelring's OTLP receiver it runs its handlers on the Netty event
 * loop (direct executor); it accepts messages up to 64 MiB, so it can also be the sink of a
 * collector's exporter, whose batches are larger than the clients' requests.
 */
public final class BaselineServer implements AutoCloseable {

  private final Server server;
  private final ReceivedCounts counts;

  private BaselineServer(Server server, ReceivedCounts counts) {
    this.server = server;
    this.counts = counts;
  }

  /** Starts a baseline on {@code host:port} (port 0 picks a free one). */
  public static BaselineServer start(Baseline kind, String host, int port, ProbeListener probes)
      throws IOException {
    ReceivedCounts counts = new ReceivedCounts();
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
            .directExecutor()
            .maxInboundMessageSize(64 << 20);
    for (ServerServiceDefinition service : kind.services(counts, probes)) {
      builder.addService(service);
    }
    return new BaselineServer(builder.build().start(), counts);
  }

  public int port() {
    return server.getPort();
  }

  public ReceivedCounts counts() {
    return counts;
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
