package io.otelring.receiver.otlp;

import static io.otelring.receiver.otlp.HttpCalls.PROTOBUF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.luben.zstd.Zstd;
import com.google.rpc.Status;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyFramedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OTLP/HTTP request bodies in every {@code Content-Encoding} Go's receiver takes, corrupt ones, and
 * bombs.
 */
class HttpCompressionTest {

  private RunningReceiver running;

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  private HttpCalls start(HttpServerConfig config) throws Exception {
    running = RunningReceiver.startHttp(config);
    return new HttpCalls(running);
  }

  /** {@code plain} in a format, each written as Go's confighttp client writes it. */
  static byte[] compress(String format, byte[] plain) throws IOException {
    return switch (format) {
      case "gzip" -> HttpCalls.gzip(plain);
      case "zlib" -> HttpCalls.deflate(plain);
      case "zstd" -> Zstd.compress(plain);
      case "snappy" -> snappyBlock(plain);
      case "x-snappy-framed" -> stream(plain, SnappyFramedOutputStream::new);
      case "lz4" -> stream(plain, LZ4FrameOutputStream::new);
      case "none" -> plain;
      default -> throw new IllegalArgumentException(format);
    };
  }

  private static byte[] snappyBlock(byte[] plain) {
    SnappyCompressor snappy = new SnappyCompressor();
    byte[] out = new byte[snappy.maxCompressedLength(plain.length)];
    int size = snappy.compress(plain, 0, plain.length, out, 0, out.length);
    return Arrays.copyOf(out, size);
  }

  private interface Compressing {
    OutputStream around(OutputStream out) throws IOException;
  }

  private static byte[] stream(byte[] plain, Compressing compressing) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream compressed = compressing.around(out)) {
      compressed.write(plain);
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "gzip, gzip",
    "GZIP, gzip",
    "deflate, zlib",
    "zlib, zlib",
    "zstd, zstd",
    "snappy, snappy",
    // Go takes a framed stream under "snappy" too: its own exporters once sent that.
    "snappy, x-snappy-framed",
    "x-snappy-framed, x-snappy-framed",
    "lz4, lz4",
    "identity, none"
  })
  void compressedBodiesAreInflated(String contentEncoding, String format) throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    byte[] plain = Requests.traces(Requests.goodSpan("packed")).toByteArray();

    var response =
        http.post(
            "/v1/traces", PROTOBUF, compress(format, plain), "Content-Encoding", contentEncoding);

    assertThat(response.statusCode()).isEqualTo(200);
    await().until(() -> running.traces.itemCount() == 1);
    assertThat(running.traces.received().get(0).traces().toByteArray()).isEqualTo(plain);
  }

  @Test
  void aSnappyBlockStatingASizeOverTheLimitIsRefusedBeforeItIsInflated() throws Exception {
    HttpCalls http = start(RunningReceiver.httpConfig("{max_request_body_size: 1048576}"));
    // The block's first varint is its inflated size: 2 MiB here, then a few bytes of nothing.
    byte[] block = {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0, 0, 0};

    var response = http.post("/v1/traces", PROTOBUF, block, "Content-Encoding", "snappy");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Status.parseFrom(response.body()).getMessage())
        .isEqualTo("the request body is larger than max_request_body_size (1048576 bytes)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"snappy", "x-snappy-framed", "lz4"})
  void aCorruptBodyIs400AndTheServerGoesOn(String encoding) throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    byte[] plain = Requests.traces(Requests.goodSpan("a")).toByteArray();
    byte[] corrupt = compress(encoding, plain);
    corrupt[corrupt.length / 2] ^= 0x55;
    byte[] truncated = Arrays.copyOf(compress(encoding, plain), 12);

    var flipped = http.post("/v1/traces", PROTOBUF, corrupt, "Content-Encoding", encoding);
    var cut = http.post("/v1/traces", PROTOBUF, truncated, "Content-Encoding", encoding);
    var good =
        http.post("/v1/traces", PROTOBUF, compress(encoding, plain), "Content-Encoding", encoding);

    assertThat(flipped.statusCode()).isEqualTo(400);
    assertThat(cut.statusCode()).isEqualTo(400);
    assertThat(Status.parseFrom(cut.body()).getMessage()).isNotEmpty();
    assertThat(good.statusCode()).isEqualTo(200);
    await().until(() -> running.traces.itemCount() == 1);
  }

  @Test
  void aSnappyBlockIsNotAFramedStream() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    byte[] block = compress("snappy", Requests.traces(Requests.goodSpan("a")).toByteArray());

    var response = http.post("/v1/traces", PROTOBUF, block, "Content-Encoding", "x-snappy-framed");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(running.traces.received()).isEmpty();
  }

  @Test
  void anLz4BombIsRefusedAtTheLimit() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    byte[] bomb = compress("lz4", new byte[32 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(256 * 1024);

    var response = http.post("/v1/traces", PROTOBUF, bomb, "Content-Encoding", "lz4");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(running.traces.received()).isEmpty();
  }

  @Test
  void onlyTheConfiguredCompressionAlgorithmsAreTaken() throws Exception {
    HttpCalls http = start(RunningReceiver.httpConfig("{compression_algorithms: [gzip]}"));
    byte[] plain = Requests.traces(Requests.goodSpan("a")).toByteArray();

    assertThat(
            http.post("/v1/traces", PROTOBUF, HttpCalls.gzip(plain), "Content-Encoding", "gzip")
                .statusCode())
        .isEqualTo(200);
    var identity = http.post("/v1/traces", PROTOBUF, plain);
    assertThat(identity.statusCode()).isEqualTo(400);
    assertThat(Status.parseFrom(identity.body()).getMessage())
        .isEqualTo("unsupported Content-Encoding: ");
  }

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
    HttpCalls http = start(RunningReceiver.localHttpConfig());
    // 32 KiB on the wire, 32 MiB inflated: past the default limit of 20 MiB.
    byte[] bomb = HttpCalls.gzipBomb(32 * 1024 * 1024);
    assertThat(bomb.length).isLessThan(64 * 1024);

    var response = http.post("/v1/traces", PROTOBUF, bomb, "Content-Encoding", "gzip");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Status.parseFrom(response.body()).getMessage())
        .isEqualTo("the request body is larger than max_request_body_size (20971520 bytes)");
    assertThat(running.traces.received()).isEmpty();
  }

  @Test
  void inflatingABombAllocatesAboutTheLimitNotTheBomb() throws Exception {
    HttpCalls http = start(RunningReceiver.httpConfig("{max_request_body_size: 1048576}"));
    byte[] bomb = HttpCalls.gzipBomb(256 * 1024 * 1024);
    http.post("/v1/traces", PROTOBUF, Requests.traces(Requests.goodSpan("warm")).toByteArray());

    long before = allocatedBytesOfAllThreads();
    var response = http.post("/v1/traces", PROTOBUF, bomb, "Content-Encoding", "gzip");
    long allocated = allocatedBytesOfAllThreads() - before;

    assertThat(response.statusCode()).isEqualTo(413);
    // The bomb inflates to 256 MiB; the server never holds more than about twice the 1 MiB limit.
    assertThat(allocated).isLessThan(32L * 1024 * 1024);
  }

  private static long allocatedBytesOfAllThreads() {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }
}
