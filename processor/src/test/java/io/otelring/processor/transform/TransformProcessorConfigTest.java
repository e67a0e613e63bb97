package io.otelring.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.Signal;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.core.testing.RecordingConsumer;
import io.otelring.processor.TestItems;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransformProcessorConfigTest {

  private final TransformProcessorFactory factory = new TransformProcessorFactory();

  @Test
  void defaultsDoNothingAndAreNotValidAlone() {
    assertThat(factory.type()).isEqualTo("transform");
    assertThat(factory.defaultConfig().fields())
        .isEqualTo(new TransformProcessorConfig.Fields(Map.of(), List.of()));
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly("fields: nothing to do; set fields.add or fields.remove");
  }

  @Test
  void fullFixtureKeepsTheFieldOrder() {
    TransformProcessorConfig config = ConfigFixtures.bindResource(factory, "/transform/full.yaml");
    assertThat(config.where()).isEqualTo("attributes[\"llm.provider\"] != \"\"");
    assertThat(config.fields().add().keySet())
        .containsExactly(
            "gen_ai.operation.name",
            "gen_ai.provider.name",
            "gen_ai.request.model",
            "gen_ai.usage.input_tokens",
            "gen_ai.request",
            "span.name");
    assertThat(config.fields().add()).containsEntry("gen_ai.request", "flatten(llm.params)");
    assertThat(config.fields().remove()).containsExactly("llm.prompt");
  }

  @Test
  void ottlConfigsAreRefusedClearly() {
    assertThat(ConfigFixtures.resourceProblems(factory, "/transform/ottl.yaml"))
        .containsExactly(
            "error_mode: OTTL is not supported; otelring's transform processor takes CEL (where,"
                + " fields.add, fields.remove)",
            "trace_statements: OTTL is not supported; otelring's transform processor takes CEL"
                + " (where, fields.add, fields.remove)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactlyElementsOf(messages);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "{fields: {add: {gen_ai.request.model: 'llm.request.model +'}}}",
            List.of(
                "fields::add::gen_ai.request.model: cannot compile \"llm.request.model +\": 1:20:"
                    + " mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true',"
                    + " 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}")),
        Arguments.of(
            "{fields: {add: {x: '1 + \"a\"'}}}",
            List.of(
                "fields::add::x: cannot compile \"1 + \"a\"\": 1:3: found no matching overload for"
                    + " '_+_' applied to '(int, string)' (candidates:"
                    + " (int, int),(uint, uint),(double, double),(string, string),(bytes, bytes),"
                    + "(list(%A0), list(%A0)),(google.protobuf.Timestamp, google.protobuf.Duration),"
                    + "(google.protobuf.Duration, google.protobuf.Timestamp),"
                    + "(google.protobuf.Duration, google.protobuf.Duration))")),
        Arguments.of(
            "{where: 'span.name ==', fields: {remove: [a]}}",
            List.of(
                "where: cannot compile \"span.name ==\": 1:13: mismatched input '<EOF>' expecting"
                    + " {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT,"
                    + " NUM_UINT, STRING, BYTES, IDENTIFIER}")),
        Arguments.of(
            "{where: '\"yes\"', fields: {remove: [a]}}",
            List.of("where: must be a condition (bool), not string: \"\"yes\"\"")),
        Arguments.of(
            "{fields: {add: {x: ''}, remove: ['']}}",
            List.of(
                "fields::add::x: the expression must not be empty",
                "fields::remove::0: the key must not be empty")),
        Arguments.of(
            "{fields: {ad: {x: '1'}}}", List.of("fields::ad: unknown key; did you mean \"add\"?")));
  }

  @Test
  void renamingSpansOutsideTracesIsRefusedAtCreation() {
    assertThatThrownBy(
            () ->
                TestItems.processor(
                    factory,
                    "{fields: {add: {span.name: '\"x\"'}}}",
                    Signal.LOGS,
                    new RecordingConsumer(),
                    new SimpleMeterRegistry()))
        .hasMessage("fields::add::span.name: renames spans; it cannot be used in a logs pipeline");
  }
}
