package io.otelring.exporter.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.core.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsTest {

  @TempDir static Path dir;
  private static String caPem;

  @BeforeAll
  static void makeCertificates() throws Exception {
    caPem = Files.readString(TestCertificates.create(dir).caCert());
  }

  private static TlsClientConfig tls(
      boolean includeSystemRoots, String minVersion, String maxVersion, List<String> suites) {
    return tls(includeSystemRoots, minVersion, maxVersion, suites, null);
  }

  /** The CA as inline PEM, and the keys under test. */
  private static TlsClientConfig tls(
      boolean includeSystemRoots,
      String minVersion,
      String maxVersion,
      List<String> suites,
      Duration reloadInterval) {
    return new TlsClientConfig(
        null,
        null,
        null,
        caPem,
        null,
        null,
        null,
        null,
        null,
        minVersion,
        maxVersion,
        includeSystemRoots,
        suites,
        reloadInterval,
        null);
  }

  @Test
  void theSystemRootsAreTrustedBesideTheCaOnlyWhenAskedFor() throws Exception {
    X509TrustManager caOnly =
        (X509TrustManager) ClientTls.trustManagers(tls(false, null, null, null))[0];
    X509TrustManager withSystem =
        (X509TrustManager) ClientTls.trustManagers(tls(true, null, null, null))[0];

    assertThat(caOnly.getAcceptedIssuers()).hasSize(1);
    assertThat(withSystem.getAcceptedIssuers())
        .contains(caOnly.getAcceptedIssuers()[0])
        .hasSizeGreaterThan(10);
  }

  @Test
  void theHttpClientsHandshakeIsBoundedByVersionsAndCipherSuites() {
    SSLParameters parameters =
        ClientTls.parameters(
            tls(false, "1.2", "1.2", List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")));

    assertThat(parameters.getProtocols()).containsExactly("TLSv1.2");
    // Go ignores cipher_suites for TLS 1.3: its suites stay.
    assertThat(parameters.getCipherSuites())
        .containsExactly(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  }

  @Test
  void reloadingWithoutACertificateFileIsReportedAsNotApplied() {
    TlsClientConfig inline = tls(false, null, null, null, Duration.ofMinutes(5));

    assertThat(inline.reloadsCertificate()).isFalse();
    assertThat(inline.unappliedKeys()).containsExactly("tls::reload_interval");
  }

  @Test
  void withoutCipherSuitesTheJdksDefaultsStay() {
    assertThat(ClientTls.parameters(tls(false, null, null, null)).getCipherSuites()).isNull();
  }
}
