package io.otelring.bench.shape;

import com.google.protobuf.MessageLite;
import io.otelring.core.component.Signal;
import io.otelring.core.otlpjson.OtlpJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Requests encoded once and replayed: a small pool, each with its own trace ids, so a run measures
 * the collector and not the load generator's encoder.
 *
 * @param signal what the requests carry
 * @param bodies the encoded requests, gzipped when {@code gzipped}
 * @param itemsPerRequest spans, data points or log records in each request
 * @param rawBytes the encoded (uncompressed) size of each request, in order
 * @param gzipped whether {@code bodies} are gzip-compressed (for OTLP/HTTP's Content-Encoding)
 */
public record PayloadPool(
    Signal signal,
    List<byte[]> bodies,
    int itemsPerRequest,
    List<Integer> rawBytes,
    boolean gzipped) {

  /**
   * Builds {@code size} requests of {@code items} items each; the same seed gives the same pool.
   */
  public static PayloadPool build(
      Signal signal, SpanShape shape, int items, int size, boolean gzip, long seed) {
    return build(signal, shape, items, size, gzip, seed, false);
  }

  /**
   * A pool whose requests are OTLP/JSON ({@code json}) or protobuf; {@code rawBytes} is then the
   * JSON's size.
   */
  public static PayloadPool build(
      Signal signal, SpanShape shape, int items, int size, boolean gzip, long seed, boolean json) {
    Random random = new Random(seed);
    List<byte[]> bodies = new ArrayList<>(size);
    List<Integer> raw = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      MessageLite message = message(signal, shape, items, random);
      byte[] encoded =
          json
              ? OtlpJson.encode((com.google.protobuf.MessageOrBuilder) message)
              : message.toByteArray();
      raw.add(encoded.length);
      bodies.add(gzip ? gzip(encoded) : encoded);
    }
    return new PayloadPool(signal, List.copyOf(bodies), items, List.copyOf(raw), gzip);
  }

  /** One request of the signal; {@code shape} applies to traces only. */
  public static MessageLite message(Signal signal, SpanShape shape, int items, Random random) {
    return switch (signal) {
      case TRACES -> shape.request(items, random);
      case METRICS -> MetricShape.request(items, random);
      case LOGS -> LogShape.request(items, random);
    };
  }

  /** The body to send as the {@code index}-th request. */
  public byte[] body(long index) {
    return bodies.get((int) Math.floorMod(index, (long) bodies.size()));
  }

  /** The mean uncompressed size of one item on the wire. */
  public double bytesPerItem() {
    return rawBytes.stream().mapToInt(Integer::intValue).average().orElse(0) / itemsPerRequest;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
