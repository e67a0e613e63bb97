package io.otelring.processor.batch;

import static io.otelring.processor.batch.SignalFixture.res;
import static io.otelring.processor.batch.SignalFixture.scope;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.RecordingConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch of unparsed requests capped by {@code send_batch_max_size} is cut on the wire: every
 * batch it sends is exactly the one the parsed path sends for the same requests, it leaves the
 * processor unparsed, and the requests that fit whole are sent as the very byte arrays they arrived
 * in.
 */
class WireCuttingTest {

  private static final List<List<SignalFixture.Res>> REQUESTS =
      List.of(
          List.of(res("checkout", scope("http", "h", 3), scope("db", "d", 2))),
          List.of(
              res("payment", scope("grpc", "g", 5)),
              res("idle", scope("nothing")),
              res("ledger", scope("kafka", "k", 1), scope("empty"), scope("jdbc", "j", 4))),
          List.of(res("search", scope("es", "e", 1))),
          List.of(res("cart", scope("redis", "r", 6)), res("auth", scope("ldap", "l", 2))));

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (SignalFixture fixture : SignalFixture.values()) {
      for (int maxSize : new int[] {1, 2, 3, 4, 5, 7, 11, 16}) {
        for (int sendBatchSize : new int[] {maxSize, 100_000}) {
          cases.add(Arguments.of(fixture, maxSize, sendBatchSize));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} send_batch_max_size={1} send_batch_size={2}")
  @MethodSource("cases")
  void cutsAsTheParsedPathCutsWithoutParsingTheBatch(
      SignalFixture fixture, int maxSize, int sendBatchSize) throws Exception {
    List<Telemetry> parsed = new ArrayList<>();
    List<Telemetry> wire = new ArrayList<>();
    for (List<SignalFixture.Res> outline : REQUESTS) {
      Telemetry request = fixture.request(ClientMetadata.EMPTY, outline);
      parsed.add(request);
      wire.add(
          Telemetry.fromWire(
              fixture.signal(), request.toByteArray(), request.itemCount(), ClientMetadata.EMPTY));
    }

    List<Telemetry> expected = batch(fixture, maxSize, sendBatchSize, parsed);
    List<Telemetry> actual = batch(fixture, maxSize, sendBatchSize, wire);

    assertThat(actual).allSatisfy(batch -> assertThat(batch.isUnparsed()).isTrue());
    assertThat(actual).extracting(Telemetry::itemCount).isEqualTo(counts(expected));
    for (int i = 0; i < expected.size(); i++) {
      assertThat(fixture.message(actual.get(i)))
          .as("batch %d", i)
          .isEqualTo(fixture.message(expected.get(i)));
    }
    // The first request is sent as its own array whenever it fits in the first batch.
    if (wire.get(0).itemCount() <= maxSize) {
      assertThat(actual.get(0).wirePieces().get(0).toByteArray())
          .isSameAs(wire.get(0).toByteArray());
    }
  }

  private static List<Telemetry> batch(
      SignalFixture fixture, int maxSize, int sendBatchSize, List<Telemetry> requests)
      throws Exception {
    RecordingConsumer next = new RecordingConsumer();
    BatchProcessor processor =
        new BatchProcessor(
            ComponentSettings.of(
                ComponentId.parse("batch/cut"), Kind.PROCESSOR, new SimpleMeterRegistry()),
            new BatchProcessorConfig(Duration.ofHours(1), sendBatchSize, maxSize, List.of(), 1000),
            fixture.signal(),
            next,
            System::nanoTime);
    processor.start();
    for (Telemetry request : requests) {
      processor.consume(request);
    }
    processor.shutdown(Duration.ofSeconds(1));
    List<Telemetry> sent = next.received();
    // Every batch but the last is full; the items are all there.
    assertThat(sent.stream().mapToInt(Telemetry::itemCount).sum())
        .isEqualTo(requests.stream().mapToInt(Telemetry::itemCount).sum());
    assertThat(sent.subList(0, sent.size() - 1))
        .allSatisfy(batch -> assertThat(batch.itemCount()).isEqualTo(maxSize));
    return sent;
  }

  private static List<Integer> counts(List<Telemetry> batches) {
    return batches.stream().map(Telemetry::itemCount).toList();
  }
}
