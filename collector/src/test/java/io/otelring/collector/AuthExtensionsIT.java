package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.otelring.core.consumer.Telemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent and a gateway in one running collector, both behind {@code bearertokenauth}: SDK clients
 * must bring the agent's token, and the agent's {@code otlphttp} exporter brings the gateway's, as
 * a platform team secures both hops.
 */
class AuthExtensionsIT {

  @RegisterExtension final RunningCollector collector = new RunningCollector();
  private final int agentPort = FreePorts.next();
  private final int gatewayPort = FreePorts.next();
  private final int metricsPort = FreePorts.next();

  @Test
  void onlyClientsWithTheTokenGetThroughAndTheAgentBringsTheGatewaysOwn() throws Exception {
    String yaml =
        """
        extensions:
          bearertokenauth/clients: {token: client-secret}
          bearertokenauth/gateway: {tokens: [gateway-secret, previous-secret]}
        receivers:
          otlp/agent:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%d
                auth: {authenticator: bearertokenauth/clients}
          otlp/gateway:
            protocols:
              http:
                endpoint: 127.0.0.1:%d
                auth: {authenticator: bearertokenauth/gateway}
        exporters:
          otlphttp/gateway:
            endpoint: http://127.0.0.1:%d
            auth: {authenticator: bearertokenauth/gateway}
          recording: {}
        service:
          extensions: [bearertokenauth/clients, bearertokenauth/gateway]
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces/agent: {receivers: [otlp/agent], exporters: [otlphttp/gateway]}
            traces/gateway: {receivers: [otlp/gateway], exporters: [recording]}
        """
            .formatted(agentPort, gatewayPort, gatewayPort, metricsPort);
    collector.start(yaml);

    assertThat(send(null, 3)).as("no token").isFalse();
    assertThat(send("Bearer gateway-secret", 3))
        .as("the gateway's token, not the clients'")
        .isFalse();
    assertThat(send("Bearer client-secret", 7)).isTrue();

    await().until(() -> collector.recording("recording").itemCount() == 7);
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gatewayPort + "/v1/traces"))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .as("the gateway without a token")
        .isEqualTo(401);
    assertThat(MetricsScrape.of(metricsPort))
        .containsPattern(
            "otelcol_exporter_sent_spans_total\\{exporter=\"otlphttp/gateway\"[^}]*} 7");
    // Nothing refused got in, then or later.
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> collector.recording("recording").itemCount() == 7);
  }

  @Test
  void aGatewayBehindBasicAuthTakesWhatTheAgentsClientAuthSends() throws Exception {
    String yaml =
        """
        extensions:
          basicauth/gateway:
            htpasswd: {inline: "agent:$apr1$r31....$XFrJJvp3IU4vH67UHj/zv0"}
          basicauth/agent:
            client_auth: {username: agent, password: s3cret}
          basicauth/wrong:
            client_auth: {username: agent, password: guess}
        receivers:
          otlp/agent:
            protocols: {grpc: {endpoint: 127.0.0.1:%d}}
          otlp/gateway:
            protocols:
              http:
                endpoint: 127.0.0.1:%d
                auth: {authenticator: basicauth/gateway}
        exporters:
          otlphttp/gateway:
            endpoint: http://127.0.0.1:%d
            auth: {authenticator: basicauth/agent}
          otlphttp/wrong:
            endpoint: http://127.0.0.1:%d
            auth: {authenticator: basicauth/wrong}
            retry_on_failure: {enabled: false}
          recording: {}
        service:
          extensions: [basicauth/gateway, basicauth/agent, basicauth/wrong]
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces/agent: {receivers: [otlp/agent], exporters: [otlphttp/gateway, otlphttp/wrong]}
            traces/gateway: {receivers: [otlp/gateway], exporters: [recording]}
        """
            .formatted(agentPort, gatewayPort, gatewayPort, gatewayPort, metricsPort);
    collector.start(yaml);

    assertThat(send(null, 5)).isTrue();

    await().until(() -> collector.recording("recording").itemCount() == 5);
    await()
        .untilAsserted(
            () ->
                assertThat(MetricsScrape.of(metricsPort))
                    .containsPattern(
                        "otelcol_exporter_send_failed_spans_total\\{exporter=\"otlphttp/wrong\"[^}]*} 5"));
    assertThat(collector.recording("recording").itemCount())
        .as("the wrong password got nothing in")
        .isEqualTo(5);
  }

  /**
   * A multi-tenant Tempo behind a gateway: each tenant's spans leave with its own {@code
   * X-Scope-OrgID}, taken from the client's header through {@code include_metadata} and the batch
   * processor's {@code metadata_keys}, as Grafana documents it for the Go collector.
   */
  @Test
  void headersSetterSendsEachTenantsSpansWithItsOwnScopeHeader() throws Exception {
    String yaml =
        """
        extensions:
          headers_setter:
            headers:
              - {action: upsert, key: X-Scope-OrgID, from_context: x-scope-orgid, default_value: anonymous}
        receivers:
          otlp/agent:
            protocols: {grpc: {endpoint: 127.0.0.1:%d, include_metadata: true}}
          otlp/tempo:
            protocols: {grpc: {endpoint: 127.0.0.1:%d, include_metadata: true}}
        processors:
          batch: {timeout: 100ms, metadata_keys: [X-Scope-OrgID]}
        exporters:
          otlp/tempo:
            endpoint: 127.0.0.1:%d
            tls: {insecure: true}
            auth: {authenticator: headers_setter}
          recording: {}
        service:
          extensions: [headers_setter]
          telemetry: {metrics: {address: 127.0.0.1:%d}}
          pipelines:
            traces/agent: {receivers: [otlp/agent], processors: [batch], exporters: [otlp/tempo]}
            traces/tempo: {receivers: [otlp/tempo], exporters: [recording]}
        """
            .formatted(agentPort, gatewayPort, gatewayPort, metricsPort);
    collector.start(yaml);

    assertThat(sendAs("X-Scope-OrgID", "team-a", 3)).isTrue();
    assertThat(sendAs("X-Scope-OrgID", "team-b", 4)).isTrue();
    assertThat(send(null, 2)).isTrue();

    await().until(() -> collector.recording("recording").itemCount() == 9);
    Map<String, Long> spansByTenant = new TreeMap<>();
    for (Telemetry telemetry : collector.recording("recording").received()) {
      assertThat(telemetry.metadata().get("x-scope-orgid")).hasSize(1);
      spansByTenant.merge(
          telemetry.metadata().get("x-scope-orgid").get(0),
          (long) telemetry.itemCount(),
          Long::sum);
    }
    assertThat(spansByTenant)
        .containsExactly(
            Map.entry("anonymous", 2L), Map.entry("team-a", 3L), Map.entry("team-b", 4L));
  }

  private boolean sendAs(String header, String value, int spans) {
    var builder =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + agentPort)
            .setRetryPolicy(null)
            .addHeader(header, value);
    OtlpGrpcSpanExporter sdk = builder.build();
    try {
      return sdk.export(SdkSpans.batch(0, spans)).join(10, TimeUnit.SECONDS).isSuccess();
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** Sends {@code spans} spans over gRPC with that authorization (none when null). */
  private boolean send(String authorization, int spans) {
    var builder =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + agentPort)
            .setRetryPolicy(null);
    if (authorization != null) {
      builder.addHeader("Authorization", authorization);
    }
    OtlpGrpcSpanExporter sdk = builder.build();
    try {
      return sdk.export(SdkSpans.batch(0, spans)).join(10, TimeUnit.SECONDS).isSuccess();
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
