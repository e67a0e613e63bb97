package io.otelring.processor.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.ConfigFixtures;
import io.otelring.processor.attraction.ActionConfig;
import io.otelring.processor.attraction.MatchProperties;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributesProcessorConfigTest {

  private final AttributesProcessorFactory factory = new AttributesProcessorFactory();

  @Test
  void defaultsHaveNoActionsAndAreNotValidAlone() {
    assertThat(factory.type()).isEqualTo("attributes");
    assertThat(factory.defaultConfig())
        .isEqualTo(new AttributesProcessorConfig(null, null, List.of()));
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly("actions: missing required field \"actions\"");
  }

  @Test
  void fullFixtureBindsEveryKey() {
    AttributesProcessorConfig config =
        ConfigFixtures.bindResource(factory, "/attributes/full.yaml");
    assertThat(config.include())
        .isEqualTo(
            new MatchProperties(
                "regexp",
                new MatchProperties.RegexpOptions(true, 100),
                List.of("auth.*"),
                List.of("login.*"),
                List.of("SPAN_KIND_SERVER"),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(
                    new MatchProperties.AttributeMatch("env", "dev"),
                    new MatchProperties.AttributeMatch("test_request", null)),
                List.of(new MatchProperties.AttributeMatch("host.type", "n1-.*")),
                List.of(new MatchProperties.LibraryMatch("mongo-java-driver", "3.8.0"))));
    assertThat(config.exclude())
        .isEqualTo(
            new MatchProperties(
                "strict",
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of("AUTH"),
                List.of("debug"),
                new MatchProperties.SeverityNumberMatch("INFO", true),
                List.of("http.duration"),
                List.of(),
                List.of(),
                List.of()));
    assertThat(config.exclude().logSeverityNumber().minNumber()).isEqualTo(9);
    assertThat(config.actions())
        .containsExactly(
            new ActionConfig("account_id", 2245, null, null, null, null, "insert", null),
            new ActionConfig("copy_key", null, null, "key_original", null, null, "update", null),
            new ActionConfig("origin", null, null, null, "metadata.origin", null, "upsert", "none"),
            new ActionConfig("credit_card", null, "^card\\.", null, null, null, "delete", null),
            new ActionConfig("user.email", null, null, null, null, null, "HASH", null),
            new ActionConfig(
                "http.url", null, "^(?P<scheme>\\w+)://", null, null, null, "extract", null),
            new ActionConfig("http.status_code", null, null, null, null, "int", "convert", null));
  }

  @Test
  void unknownKeyNamesTheClosest() {
    assertThat(ConfigFixtures.problems(factory, "{actions: [{key: a, value: 1, acton: insert}]}"))
        .containsExactly("actions::0::acton: unknown key; did you mean \"action\"?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidConfigs(String yaml, List<String> messages) {
    assertThat(ConfigFixtures.problems(factory, yaml)).containsExactlyElementsOf(messages);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of(
            "{actions: [{key: a, value: 1, action: rename}]}",
            List.of(
                "actions::0::action: unsupported action \"rename\"; must be one of insert, update,"
                    + " upsert, delete, hash, extract, convert")),
        Arguments.of(
            "{actions: [{value: 1, action: insert}]}",
            List.of("actions::0::key: missing required field \"key\"")),
        Arguments.of(
            "{actions: [{action: delete}]}",
            List.of("actions::0: at least one of \"key\" and \"pattern\" has to be used")),
        Arguments.of(
            "{actions: [{key: a, action: upsert}]}",
            List.of(
                "actions::0: either \"value\", \"from_attribute\" or \"from_context\" must be"
                    + " specified")),
        Arguments.of(
            "{actions: [{key: a, value: 1, from_attribute: b, action: insert}]}",
            List.of(
                "actions::0: only one of \"value\", \"from_attribute\" and \"from_context\" may be"
                    + " specified")),
        Arguments.of(
            "{actions: [{key: a, value: 1, pattern: x, action: insert}]}",
            List.of("actions::0::pattern: action \"insert\" does not use \"pattern\"")),
        Arguments.of(
            "{actions: [{key: a, value: 1, action: hash}]}",
            List.of("actions::0: action \"hash\" does not use \"value\" or \"from_attribute\"")),
        Arguments.of(
            "{actions: [{key: a, pattern: '(', action: delete}]}",
            List.of("actions::0::pattern: invalid pattern \"(\": missing closing )")),
        Arguments.of(
            "{actions: [{key: a, action: extract}]}",
            List.of(
                "actions::0::pattern: missing required field \"pattern\" for action \"extract\"")),
        Arguments.of(
            "{actions: [{key: a, pattern: '^a+$', action: extract}]}",
            List.of("actions::0::pattern: contains no named matcher groups")),
        // The Go collector's own testdata example has an unnamed group, which Go refuses too.
        Arguments.of(
            "{actions: [{key: u, pattern: '^(?P<p>.*):(\\?|\\&)', action: extract}]}",
            List.of("actions::0::pattern: contains at least one unnamed matcher group")),
        Arguments.of(
            "{actions: [{key: a, action: convert}]}",
            List.of("actions::0::converted_type: missing required field \"converted_type\"")),
        Arguments.of(
            "{actions: [{key: a, action: convert, converted_type: bool}]}",
            List.of(
                "actions::0::converted_type: invalid value \"bool\"; must be int, double or string")),
        Arguments.of(
            "{actions: [{key: a, value: 1, action: insert, converted_type: int}]}",
            List.of(
                "actions::0::converted_type: action \"insert\" does not use \"converted_type\"")),
        Arguments.of(
            "{include: {services: [a]}, actions: [{key: a, action: delete}]}",
            List.of(
                "include::match_type: unrecognized match_type: '', valid types are: [regexp strict]")),
        Arguments.of(
            "{include: {match_type: strict, span_kinds: [server]}, actions: [{key: a, action: delete}]}",
            List.of(
                "include::span_kinds: span_kinds string must match one of the standard span kinds"
                    + " when match_type=strict: [SPAN_KIND_CLIENT, SPAN_KIND_CONSUMER,"
                    + " SPAN_KIND_INTERNAL, SPAN_KIND_PRODUCER, SPAN_KIND_SERVER]")),
        Arguments.of(
            "{exclude: {match_type: regexp, attributes: [{key: a, value: 1}], span_names: ['[']},"
                + " actions: [{key: a, action: delete}]}",
            List.of(
                "exclude::span_names: invalid pattern \"[\": missing closing ]",
                "exclude::attributes::0::value: match_type=regexp for \"a\" only supports Str, but"
                    + " found Int")),
        Arguments.of(
            "{include: {match_type: strict, attributes: [{value: 1}]}, actions: [{key: a, action: delete}]}",
            List.of("include::attributes::0::key: can't have empty key in the list of attributes")),
        Arguments.of(
            "{include: {match_type: strict, log_severity_number: {min: LOUD}},"
                + " actions: [{key: a, action: delete}]}",
            List.of(
                "include::log_severity_number::min: invalid severity \"LOUD\"; use a number from 0"
                    + " to 24 or a name such as INFO or WARN2")),
        // Every problem at once.
        Arguments.of(
            "{actions: [{action: insert}, {key: b, action: convert, converted_type: x}]}",
            List.of(
                "actions::0::key: missing required field \"key\"",
                "actions::0: either \"value\", \"from_attribute\" or \"from_context\" must be"
                    + " specified",
                "actions::1::converted_type: invalid value \"x\"; must be int, double or string")));
  }
}
