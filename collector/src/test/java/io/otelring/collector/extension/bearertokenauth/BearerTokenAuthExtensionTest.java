package io.otelring.collector.extension.bearertokenauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.ServerAuthenticator.AuthenticationException;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.testing.ConfigFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bearertokenauth}: which requests pass, what a client sends, and a token file's reload. */
class BearerTokenAuthExtensionTest {

  private final BearerTokenAuthExtensionFactory factory = new BearerTokenAuthExtensionFactory();
  private BearerTokenAuthExtension extension;

  @TempDir Path dir;

  @AfterEach
  void stop() throws Exception {
    if (extension != null) {
      extension.shutdown(Duration.ofSeconds(1));
    }
  }

  private BearerTokenAuthExtension start(String yaml) throws Exception {
    extension =
        (BearerTokenAuthExtension)
            factory.createExtension(
                ComponentSettings.of(
                    ComponentId.parse("bearertokenauth"),
                    Kind.EXTENSION,
                    new SimpleMeterRegistry()),
                ConfigFixtures.bind(factory, yaml),
                () -> true);
    extension.start();
    return extension;
  }

  /** The headers a client request gets from the extension. */
  private static Map<String, String> sent(BearerTokenAuthExtension extension) {
    Map<String, String> headers = new HashMap<>();
    extension.applyHeaders(ClientMetadata.EMPTY, headers);
    return headers;
  }

  private static ClientMetadata header(String name, String value) {
    return ClientMetadata.of(Map.of(name, List.of(value)));
  }

  @Test
  void aRequestPassesWithTheSchemeAndOneOfTheTokensInAnyLetterCaseOfTheHeaderName()
      throws Exception {
    start("tokens: [first, second]");

    assertThatCode(() -> extension.authenticate(header("authorization", "Bearer second")))
        .doesNotThrowAnyException();
    assertThatCode(() -> extension.authenticate(header("Authorization", "Bearer first")))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingOrWrongTokenIsRefusedWithoutEchoingWhatWasSent() throws Exception {
    start("token: s3cret");

    assertThatThrownBy(() -> extension.authenticate(ClientMetadata.EMPTY))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("missing or empty authorization header: Authorization");
    assertThatThrownBy(() -> extension.authenticate(header("authorization", "Bearer guess")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("scheme or token does not match");
    assertThatThrownBy(() -> extension.authenticate(header("authorization", "s3cret")))
        .as("the scheme is part of the value")
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void anotherHeaderAndNoSchemeAreTakenAsConfigured() throws Exception {
    start("{header: X-Api-Key, scheme: '', token: k1}");

    assertThatCode(() -> extension.authenticate(header("x-api-key", "k1")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> extension.authenticate(header("authorization", "Bearer k1")))
        .hasMessage("missing or empty authorization header: X-Api-Key");
    assertThat(sent(extension)).isEqualTo(Map.of("X-Api-Key", "k1"));
  }

  @Test
  void aClientSendsTheFirstToken() throws Exception {
    start("tokens: [first, second]");

    assertThat(sent(extension)).isEqualTo(Map.of("Authorization", "Bearer first"));
  }

  @Test
  void theTokenFileIsReadAgainWhenItChangesAsAKubernetesSecretIsSwapped() throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "old-token\n");
    start("filename: " + file);

    assertThatCode(() -> extension.authenticate(header("authorization", "Bearer old-token")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> extension.authenticate(header("authorization", "Bearer ")))
        .as("the file's trailing newline is no empty token")
        .isInstanceOf(AuthenticationException.class);

    Path next = dir.resolve("token.next");
    Files.writeString(next, "new-token\nsecond-token\n");
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThatCode(
                        () -> extension.authenticate(header("authorization", "Bearer new-token")))
                    .doesNotThrowAnyException());
    assertThatCode(() -> extension.authenticate(header("authorization", "Bearer second-token")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> extension.authenticate(header("authorization", "Bearer old-token")))
        .isInstanceOf(AuthenticationException.class);
    assertThat(sent(extension)).isEqualTo(Map.of("Authorization", "Bearer new-token"));
  }

  @Test
  void theConfigNeedsOneKindOfTokenAndNeverPrintsThem() {
    assertThat(ConfigFixtures.problems(factory, "{}")).containsExactly("no bearer token provided");
    assertThat(ConfigFixtures.problems(factory, "{token: a, tokens: [b]}"))
        .containsExactly("either tokens or token should be provided, not both");
    assertThat(ConfigFixtures.bind(factory, "{token: hunter2}").toString())
        .doesNotContain("hunter2");
    assertThat(ConfigFixtures.bind(factory, "{tokens: [hunter2, hunter3]}").toString())
        .doesNotContain("hunter2")
        .doesNotContain("hunter3");
  }
}
