package io.otelring.exporter.testing;

import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.snappy.SnappyFramedInputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelring.core.consumer.ItemCounts;
import io.otelring.core.otlpjson.OtlpJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLContext;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * A real OTLP/HTTP server on 127.0.0.1 (the JDK's HttpServer, or HttpsServer with optional client
 * certificates) that answers as the test tells it: 200, 503 with {@code Retry-After}, 400 with a
 * {@code google.rpc.Status} body, a partial success, or nothing. Takes protobuf and OTLP/JSON
 * bodies, compressed or not, and answers in the request's encoding. Keeps what it accepted, the
 * bodies and the headers of every request.
 */
public final class HttpBackend implements AutoCloseable {

  public volatile GrpcBackend.Mode mode = GrpcBackend.Mode.OK;
  public volatile String retryAfter = "1";
  public final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
  public final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
  public final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  public final List<String> paths = new CopyOnWriteArrayList<>();

  /** Every request body, decompressed, in the order of {@link #paths}. */
  public final List<byte[]> bodies = new CopyOnWriteArrayList<>();

  public final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final HttpServer server;

  private HttpBackend(SSLContext tls, boolean needClientAuth) throws IOException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
    if (tls == null) {
      server = HttpServer.create(address, 0);
    } else {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(
          new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
              params.setNeedClientAuth(needClientAuth);
            }
          });
      server = https;
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public static HttpBackend start() throws IOException {
    return new HttpBackend(null, false);
  }

  public static HttpBackend startTls(SSLContext tls, boolean needClientAuth) throws IOException {
    return new HttpBackend(tls, needClientAuth);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int spanCount() {
    return traces.stream().mapToInt(ItemCounts::spans).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    headers.add(Map.copyOf(exchange.getRequestHeaders()));
    byte[] body;
    try (InputStream in =
        decompressing(
            exchange.getRequestHeaders().getFirst("Content-Encoding"), exchange.getRequestBody())) {
      body = in.readAllBytes();
    }
    // Appended together so that paths.get(i) is the path of bodies.get(i) while exporter workers
    // send concurrently.
    synchronized (bodies) {
      paths.add(exchange.getRequestURI().getPath());
      bodies.add(body);
    }
    boolean json = "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
    GrpcBackend.Mode now = mode;
    switch (now) {
      case OK, PARTIAL -> {
        String path = exchange.getRequestURI().getPath();
        Message answer = null;
        if (path.endsWith("/traces")) {
          traces.add(
              json ? OtlpJson.decodeTraces(body) : ExportTraceServiceRequest.parseFrom(body));
          if (now == GrpcBackend.Mode.PARTIAL) {
            answer =
                ExportTraceServiceResponse.newBuilder()
                    .setPartialSuccess(
                        ExportTracePartialSuccess.newBuilder()
                            .setRejectedSpans(1)
                            .setErrorMessage("one span is too old"))
                    .build();
          }
        } else if (path.endsWith("/logs")) {
          logs.add(json ? OtlpJson.decodeLogs(body) : ExportLogsServiceRequest.parseFrom(body));
        }
        respond(exchange, 200, answer, json);
      }
      case UNAVAILABLE -> {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
        respond(exchange, 503, status(14, "backend is down"), json);
      }
      case PERMANENT -> respond(exchange, 400, status(3, "bad data, never again"), json);
      case HANG -> {
        try {
          closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      }
    }
  }

  /**
   * The body as sent: gzip, zstd, deflate or zlib (both a zlib stream, as Go sends them), snappy (a
   * block), x-snappy-framed and lz4 (the LZ4 frame format).
   */
  private static InputStream decompressing(String contentEncoding, InputStream in)
      throws IOException {
    if (contentEncoding == null) {
      return in;
    }
    return switch (contentEncoding) {
      case "gzip" -> new GZIPInputStream(in);
      case "zstd" -> new ZstdInputStream(in);
      case "deflate", "zlib" -> new InflaterInputStream(in);
      case "snappy" -> new ByteArrayInputStream(snappyBlock(in.readAllBytes()));
      case "x-snappy-framed" -> new SnappyFramedInputStream(in, true);
      case "lz4" -> new LZ4FrameInputStream(in);
      default -> throw new IOException("unexpected Content-Encoding " + contentEncoding);
    };
  }

  private static byte[] snappyBlock(byte[] block) {
    byte[] out = new byte[SnappyDecompressor.getUncompressedLength(block, 0)];
    new SnappyDecompressor().decompress(block, 0, block.length, out, 0, out.length);
    return out;
  }

  private static Message status(int code, String message) {
    return com.google.rpc.Status.newBuilder().setCode(code).setMessage(message).build();
  }

  /** Answers in the encoding of the request, as the Go collector's receiver does. */
  private static void respond(HttpExchange exchange, int status, Message message, boolean json)
      throws IOException {
    byte[] body =
        message == null ? new byte[0] : json ? OtlpJson.encode(message) : message.toByteArray();
    exchange
        .getResponseHeaders()
        .add("Content-Type", json ? "application/json" : "application/x-protobuf");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
