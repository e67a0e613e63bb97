package io.otelring.processor.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import io.otelring.processor.attraction.ActionConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceProcessorConfigTest {

  private final ResourceProcessorFactory factory = new ResourceProcessorFactory();

  @Test
  void defaultsHaveNoActionsAndAreNotValidAlone() {
    assertThat(factory.type()).isEqualTo("resource");
    assertThat(factory.defaultConfig()).isEqualTo(new ResourceProcessorConfig(List.of()));
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly("attributes: missing required field \"attributes\"");
  }

  @Test
  void fullFixtureIsTheGoReadmeExample() {
    assertThat(ConfigFixtures.bindResource(factory, "/resource/full.yaml").attributes())
        .containsExactly(
            new ActionConfig(
                "cloud.availability_zone", "zone-1", null, null, null, null, "upsert", null),
            new ActionConfig(
                "k8s.cluster.name", null, null, "k8s-cluster", null, null, "insert", null),
            new ActionConfig("redundant-attribute", null, null, null, null, null, "delete", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactlyElementsOf(messages);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of("{actions: [{key: a, action: delete}]}", List.of("actions: unknown key")),
        Arguments.of(
            "{attributes: [{key: a, action: upsert}]}",
            List.of(
                "attributes::0: either \"value\", \"from_attribute\" or \"from_context\" must be"
                    + " specified")),
        Arguments.of(
            "{attributes: [{key: a, action: delete, default_value: x}]}",
            List.of(
                "attributes::0::default_value: action \"delete\" does not use \"default_value\"")));
  }
}
