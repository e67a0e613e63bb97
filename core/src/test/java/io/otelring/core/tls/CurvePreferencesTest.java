package io.otelring.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.otelring.core.testing.TestCertificates;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

class CurvePreferencesTest {

  @TempDir Path dir;

  @Test
  void namesGoDoesNotAcceptAreProblemsWithTheirKeyPath() {
    List<String> problems = new ArrayList<>();

    CurvePreferences.validate("exporters::otlp::tls", List.of("P256", "X448", "p384"), problems);

    assertThat(problems)
        .containsExactly(
            "exporters::otlp::tls::curve_preferences: invalid curve type: X448. Expected values are"
                + " [P256, P384, P521, X25519, X25519MLKEM768]",
            "exporters::otlp::tls::curve_preferences: invalid curve type: p384. Expected values are"
                + " [P256, P384, P521, X25519, X25519MLKEM768]");
  }

  @Test
  void appliesFromJava20On() {
    assertThat(CurvePreferences.applicable()).isEqualTo(Runtime.version().feature() >= 20);
  }

  @Test
  void withoutCurvesTheContextIsLeftAlone() throws Exception {
    SslContext server = server();

    assertThat(CurvePreferences.onEachEngine(server, List.of())).isSameAs(server);
  }

  /**
   * A real handshake, in memory: a server that only takes P-384 and a client that only offers it.
   */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_20)
  void aHandshakeUsesOnlyTheGroupsBothAllow() throws Exception {
    SslContext server = CurvePreferences.onEachEngine(server(), List.of("P384"));

    handshake(server, CurvePreferences.onEachEngine(client(), List.of("P384", "X25519")));
    assertThatThrownBy(
            () -> handshake(server, CurvePreferences.onEachEngine(client(), List.of("X25519"))))
        .isInstanceOf(SSLException.class);
  }

  private SslContext server() throws Exception {
    TestCertificates certificates = TestCertificates.create(dir);
    return SslContextBuilder.forServer(
            certificates.serverCert().toFile(), certificates.serverKey().toFile())
        .protocols("TLSv1.3")
        .build();
  }

  private static SslContext client() throws SSLException {
    return SslContextBuilder.forClient()
        .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
        .protocols("TLSv1.3")
        .build();
  }

  /** Runs a handshake between two engines by passing their records back and forth. */
  private static void handshake(SslContext serverContext, SslContext clientContext)
      throws SSLException {
    SSLEngine server = serverContext.newEngine(ByteBufAllocator.DEFAULT);
    SSLEngine client = clientContext.newEngine(ByteBufAllocator.DEFAULT);
    int size = Math.max(server.getSession().getPacketBufferSize(), 1 << 16);
    ByteBuffer toServer = ByteBuffer.allocate(size);
    ByteBuffer toClient = ByteBuffer.allocate(size);
    ByteBuffer scratch = ByteBuffer.allocate(size);
    ByteBuffer empty = ByteBuffer.allocate(0);
    client.beginHandshake();
    server.beginHandshake();
    for (int step = 0; step < 100; step++) {
      boolean clientDone = done(client);
      boolean serverDone = done(server);
      if (clientDone && serverDone) {
        return;
      }
      client.wrap(empty, toServer);
      toServer.flip();
      server.unwrap(toServer, scratch.clear());
      toServer.compact();
      runTasks(server);
      server.wrap(empty, toClient);
      toClient.flip();
      client.unwrap(toClient, scratch.clear());
      toClient.compact();
      runTasks(client);
    }
    throw new AssertionError("the handshake did not finish");
  }

  private static boolean done(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
