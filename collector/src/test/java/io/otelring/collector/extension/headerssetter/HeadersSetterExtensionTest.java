package io.otelring.collector.extension.headerssetter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.testing.ConfigFixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code headers_setter}: each action on a request's headers, values from the client metadata. */
class HeadersSetterExtensionTest {

  private final HeadersSetterExtensionFactory factory = new HeadersSetterExtensionFactory();

  private ClientAuthenticator extension(String yaml) throws Exception {
    return (ClientAuthenticator)
        factory.createExtension(
            ComponentSettings.of(
                ComponentId.parse("headers_setter"), Kind.EXTENSION, new SimpleMeterRegistry()),
            ConfigFixtures.bind(factory, yaml),
            () -> true);
  }

  /** The headers a request ends with, starting from the exporter's {@code headers}. */
  private static Map<String, String> apply(
      ClientAuthenticator extension, ClientMetadata metadata, Map<String, String> configured) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(configured);
    extension.applyHeaders(metadata, headers);
    return headers;
  }

  @Test
  void eachActionChangesTheHeadersAsGosDoes() throws Exception {
    ClientAuthenticator extension =
        extension(
            """
            headers:
              - {key: X-Insert-Absent, action: insert, value: new}
              - {key: X-Insert-Present, action: insert, value: new}
              - {key: X-Update-Absent, action: update, value: new}
              - {key: x-update-present, action: update, value: new}
              - {key: X-Upsert, action: upsert, value: new}
              - {key: X-Delete, action: delete}
            """);

    Map<String, String> headers =
        apply(
            extension,
            ClientMetadata.EMPTY,
            Map.of(
                "X-Insert-Present",
                "old",
                "X-Update-Present",
                "old",
                "X-Upsert",
                "old",
                "X-Delete",
                "old"));

    assertThat(headers)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "X-Insert-Absent", "new",
                "X-Insert-Present", "old",
                "X-Update-Present", "new",
                "X-Upsert", "new"));
  }

  @Test
  void aValueFromTheContextIsTheBatchsClientMetadataOrTheDefault() throws Exception {
    ClientAuthenticator extension =
        extension(
            "headers: [{key: X-Scope-OrgID, action: upsert, from_context: tenant,"
                + " default_value: anonymous}]");

    assertThat(apply(extension, ClientMetadata.of(Map.of("Tenant", List.of("team-a"))), Map.of()))
        .containsEntry("X-Scope-OrgID", "team-a");
    assertThat(apply(extension, ClientMetadata.EMPTY, Map.of()))
        .containsEntry("X-Scope-OrgID", "anonymous");
    assertThatThrownBy(
            () ->
                apply(extension, ClientMetadata.of(Map.of("tenant", List.of("a", "b"))), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("2 source keys found in the context, can't determine which one to use");
    assertThat(extension.requiresTransportSecurity()).isFalse();
  }

  @Test
  void theConfigNamesEachHeadersProblemAndNeverPrintsValues() {
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly("missing headers configuration");
    assertThat(ConfigFixtures.problems(factory, "headers: [{value: x}]"))
        .containsExactly("headers::0::key: missing header name");
    assertThat(ConfigFixtures.problems(factory, "headers: [{key: a, action: insert}]"))
        .containsExactly(
            "headers::0: missing header source, must be 'from_context', 'from_attribute' or"
                + " 'value'");
    assertThat(ConfigFixtures.problems(factory, "headers: [{key: a, value: x, from_context: y}]"))
        .containsExactly(
            "headers::0: invalid header source, must either 'from_context', 'from_attribute' or"
                + " 'value'");
    assertThat(ConfigFixtures.problems(factory, "headers: [{key: a, from_attribute: username}]"))
        .singleElement()
        .asString()
        .startsWith("headers::0::from_attribute: otelring's authenticators keep no attributes");
    assertThat(ConfigFixtures.problems(factory, "headers: [{key: a, action: delete}]")).isEmpty();
    assertThat(
            ConfigFixtures.bind(
                    factory,
                    "headers: [{key: a, value: hunter2}, {key: b, from_context: c,"
                        + " default_value: hunter3}]")
                .toString())
        .doesNotContain("hunter2")
        .doesNotContain("hunter3");
  }
}
