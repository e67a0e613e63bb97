package io.otelring.processor.batch;

import static io.otelring.processor.batch.SignalFixture.res;
import static io.otelring.processor.batch.SignalFixture.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.consumer.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Batches per client metadata ({@code metadata_keys}), and the limit on their number. */
class BatchByMetadataTest extends BatchProcessorTestBase {

  @ParameterizedTest
  @EnumSource
  void batchesPerTenantAndCarriesOnlyTheConfiguredKeys(SignalFixture fixture) {
    BatchProcessor processor =
        processor(
            fixture,
            new BatchProcessorConfig(Duration.ofMillis(200), 5, 0, List.of("X-Tenant"), 1000));
    Telemetry a1 = fixture.request(tenant("acme"), res("a1", scope("s", "a1", 2)));
    Telemetry b1 = fixture.request(tenant("bolt"), res("b1", scope("s", "b1", 3)));
    Telemetry a2 = fixture.request(tenant("acme"), res("a2", scope("s", "a2", 3)));

    processor.consume(a1);
    processor.consume(b1);
    processor.consume(a2);

    // acme reached 5 on its own; bolt's 3 wait in their own batch.
    assertThat(next.received()).hasSize(1);
    Telemetry acme = next.received().get(0);
    assertThat(acme.metadata()).isEqualTo(ClientMetadata.of(Map.of("x-tenant", List.of("acme"))));
    assertThat(fixture.items(acme)).containsExactlyElementsOf(fixture.items(List.of(a1, a2)));

    processor.onTick(200 * MS);
    assertThat(next.received()).hasSize(2);
    Telemetry bolt = next.received().get(1);
    assertThat(bolt.metadata().asMap()).isEqualTo(Map.of("x-tenant", List.of("bolt")));
    assertThat(fixture.items(bolt)).containsExactlyElementsOf(fixture.items(b1));
    assertThat(gauge("otelcol_processor_batch_metadata_cardinality")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource
  void refusesNewCombinationsBeyondTheCardinalityLimit(SignalFixture fixture) {
    BatchProcessor processor =
        processor(
            fixture,
            new BatchProcessorConfig(Duration.ofMillis(200), 100, 0, List.of("tenant"), 2));

    assertAccepted(
        processor.consume(fixture.request(tenant("acme"), res("a", scope("s", "a", 1)))));
    // An absent key is a combination of its own.
    assertAccepted(processor.consume(fixture.request("none", 1)));
    CompletionStage<Void> refused =
        processor.consume(fixture.request(tenant("bolt"), res("b", scope("s", "b", 1))));
    assertAccepted(
        processor.consume(fixture.request(tenant("acme"), res("a", scope("s", "a", 1)))));

    Refusal refusal = refusalOf(refused);
    assertThat(refusal.isRetryable()).isFalse();
    assertThat(refusal).hasMessage("too many batcher metadata-value combinations");
    assertThat(gauge("otelcol_processor_batch_metadata_cardinality")).isEqualTo(2);

    processor.shutdown(Duration.ofSeconds(1));
    assertThat(next.received()).extracting(Telemetry::itemCount).containsExactly(2, 1);
    assertThat(next.received().get(1).metadata()).isEqualTo(ClientMetadata.EMPTY);
  }

  @Test
  void anEmptyValueAndAnAbsentKeyAreDifferentTenants() {
    SignalFixture fixture = SignalFixture.LOGS;
    BatchProcessor processor =
        processor(
            fixture, new BatchProcessorConfig(Duration.ofSeconds(1), 100, 0, List.of("tenant"), 0));
    ClientMetadata empty = ClientMetadata.of(Map.of("tenant", List.of("")));
    ClientMetadata twoValues = ClientMetadata.of(Map.of("Tenant", List.of("a", "b")));

    processor.consume(fixture.request(empty, res("e", scope("s", "e", 1))));
    processor.consume(fixture.request("absent", 1));
    processor.consume(fixture.request(twoValues, res("t", scope("s", "t", 1))));
    processor.consume(fixture.request(empty, res("e", scope("s", "e", 1))));
    processor.shutdown(Duration.ofSeconds(1));

    assertThat(next.received())
        .extracting(Telemetry::itemCount, batch -> batch.metadata().asMap())
        .containsExactly(
            tuple(2, Map.of("tenant", List.of(""))),
            tuple(1, Map.of()),
            tuple(1, Map.of("tenant", List.of("a", "b"))));
    assertThat(gauge("otelcol_processor_batch_metadata_cardinality")).isEqualTo(3);
  }
}
