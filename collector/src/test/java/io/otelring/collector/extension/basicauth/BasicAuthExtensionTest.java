package io.otelring.collector.extension.basicauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ClientAuthenticator;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Kind;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.component.ServerAuthenticator.AuthenticationException;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.testing.ConfigFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code basicauth}: htpasswd users in every hash format Go's extension takes, Go's refusals, and
 * the header a client sends. The hashes were made with {@code openssl passwd} (apr1, SHA-crypt),
 * {@code openssl dgst} ({SHA}), Python's hashlib ({SSHA}); the bcrypt one is OpenBSD's test vector.
 */
class BasicAuthExtensionTest {

  private final BasicAuthExtensionFactory factory = new BasicAuthExtensionFactory();

  @TempDir Path dir;

  private Extension start(String yaml) throws Exception {
    Extension extension =
        factory.createExtension(
            ComponentSettings.of(
                ComponentId.parse("basicauth"), Kind.EXTENSION, new SimpleMeterRegistry()),
            ConfigFixtures.bind(factory, yaml),
            () -> true);
    extension.start();
    return extension;
  }

  private static ClientMetadata basic(String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return ClientMetadata.of(Map.of("Authorization", List.of("Basic " + credentials)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apache md5 | s3cret | $apr1$r31....$XFrJJvp3IU4vH67UHj/zv0",
        "sha1       | s3cret | {SHA}/vNB+F2HQ559kaLUZbmHHvZrXpg=",
        "salted sha | s3cret | {SSHA}20U2qVPeRsg/8JcZ9dfVMjFL9CpOYUNsNG1l",
        "sha-256    | s3cret | $5$saltsalt$i1q2ZQzc.tl/BQ6CHiENAcVDvEY6nJ1OWlWXKh94b1.",
        "sha-512    | s3cret | $6$saltsalt$As4wrv0kZlfch1du9WeH7qhskyLriQWySXrZzynnvi46nFnNxjdpl6ksRegrrKexvhIa/Iny8S8uF3fVWTMuC1",
        "bcrypt 2a  | U*U    | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "bcrypt 2y  | U*U    | $2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "plain text | s3cret | s3cret",
      })
  void eachHashFormatLetsTheRightPasswordThroughAndNoOther(
      String format, String password, String hash) throws Exception {
    ServerAuthenticator server =
        (ServerAuthenticator) start("htpasswd: {inline: 'gateway:" + hash + "'}");

    assertThatCode(() -> server.authenticate(basic("gateway", password)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> server.authenticate(basic("gateway", password + "x")))
        .hasMessage("invalid credentials");
    assertThatThrownBy(() -> server.authenticate(basic("other", password)))
        .hasMessage("invalid credentials");
  }

  @Test
  void badHeadersAreRefusedWithGosReasons() throws Exception {
    ServerAuthenticator server = (ServerAuthenticator) start("htpasswd: {inline: 'a:b'}");

    assertThatThrownBy(() -> server.authenticate(ClientMetadata.EMPTY))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("no basic auth provided");
    assertThatThrownBy(
            () ->
                server.authenticate(
                    ClientMetadata.of(Map.of("authorization", List.of("Bearer x")))))
        .hasMessage("invalid authorization scheme prefix");
    assertThatThrownBy(
            () ->
                server.authenticate(
                    ClientMetadata.of(Map.of("authorization", List.of("Basic !!not-base64")))))
        .hasMessage("invalid authorization format");
    String noColon = Base64.getEncoder().encodeToString("ab".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () ->
                server.authenticate(
                    ClientMetadata.of(Map.of("authorization", List.of("basic " + noColon)))))
        .hasMessage("invalid authorization format");
    assertThatCode(() -> server.authenticate(basic("a", "b"))).doesNotThrowAnyException();
  }

  @Test
  void inlineUsersComeAfterTheFileAndReplaceItsOnes() throws Exception {
    Path file = dir.resolve(".htpasswd");
    Files.writeString(file, "# users\nalice:old\n\nbob:builder\n");
    ServerAuthenticator server =
        (ServerAuthenticator) start("htpasswd: {file: " + file + ", inline: \"alice:new\"}");

    assertThatCode(() -> server.authenticate(basic("alice", "new"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> server.authenticate(basic("alice", "old")))
        .hasMessage("invalid credentials");
    assertThatCode(() -> server.authenticate(basic("bob", "builder"))).doesNotThrowAnyException();
  }

  @Test
  void unreadableContentStopsTheStartWithoutPrintingIt() {
    assertThatThrownBy(() -> start("htpasswd: {inline: \"no-colon-secret\"}"))
        .hasMessage("read htpasswd content: malformed line 1, no colon")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> start("htpasswd: {file: " + dir.resolve("missing") + "}"))
        .hasMessageStartingWith("open htpasswd file: ");
  }

  @Test
  void aClientSendsBasicCredentialsAndIsNoServerAuthenticator() throws Exception {
    Extension client = start("client_auth: {username: tenant-42, password: glc_token}");

    assertThat(client).isNotInstanceOf(ServerAuthenticator.class);
    Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer configured"));
    ((ClientAuthenticator) client).applyHeaders(ClientMetadata.EMPTY, headers);
    assertThat(headers).isEqualTo(Map.of("Authorization", "Basic dGVuYW50LTQyOmdsY190b2tlbg=="));
    assertThatThrownBy(() -> start("client_auth: {username: 'a:b', password: c}"))
        .hasMessage("invalid authorization format");
  }

  @Test
  void theConfigIsOneSideOrTheOtherAndNeverPrintsPasswords() {
    assertThat(ConfigFixtures.problems(factory, "{}"))
        .containsExactly("no credential source provided");
    assertThat(ConfigFixtures.problems(factory, "{htpasswd: {}}"))
        .containsExactly("no credential source provided");
    assertThat(
            ConfigFixtures.problems(
                factory, "{htpasswd: {inline: 'a:b'}, client_auth: {username: a, password: b}}"))
        .containsExactly("only one of `htpasswd` or `client_auth` can be specified");
    assertThat(
            ConfigFixtures.bind(factory, "{client_auth: {username: u, password: hunter2}}")
                .toString())
        .doesNotContain("hunter2");
    assertThat(ConfigFixtures.bind(factory, "{htpasswd: {inline: 'u:hunter2'}}").toString())
        .doesNotContain("hunter2");
  }
}
