package io.otelring.exporter.client;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.otelring.core.tls.CipherSuites;
import io.otelring.core.tls.CurvePreferences;
import io.otelring.core.tls.TlsReloading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;

/** Builds client TLS contexts from a {@code tls} section: Netty's for gRPC, the JDK's for HTTP. */
public final class ClientTls {

  private ClientTls() {}

  /** Says once, at start, which of the {@code tls} keys set are not applied. */
  public static void warnAboutUnappliedKeys(TlsClientConfig tls, Logger logger) {
    List<String> unapplied = tls.unappliedKeys();
    if (!unapplied.isEmpty()) {
      logger.warn("{} accepted but not applied", unapplied);
    }
  }

  /**
   * A gRPC client context (ALPN h2); with {@code reload_interval}, {@code reloading} reads the
   * client certificate's files again for the context's lifetime.
   */
  public static SslContext netty(TlsClientConfig tls, TlsReloading reloading) throws IOException {
    try {
      SslContextBuilder builder = GrpcSslContexts.forClient().protocols(tls.protocols());
      if (!tls.cipherSuites().isEmpty()) {
        builder.ciphers(
            CipherSuites.enabled(tls.cipherSuites()), SupportedCipherSuiteFilter.INSTANCE);
      }
      TrustManager[] trust = trustManagers(tls);
      if (trust != null) {
        builder.trustManager(trust[0]);
      }
      if (tls.reloadsCertificate()) {
        builder.keyManager(
            reloading.certificate(tls.certFile(), tls.keyFile(), tls.reloadInterval()));
      } else if (tls.hasClientCertificate()) {
        builder.keyManager(privateKey(tls), certificates(tls.certFile(), tls.certPem()));
      }
      return CurvePreferences.onEachEngine(builder.build(), tls.curvePreferences());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** An HTTP client context; {@code reloading} as for {@link #netty}. */
  public static SSLContext jdk(TlsClientConfig tls, TlsReloading reloading) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers = null;
      if (tls.reloadsCertificate()) {
        keyManagers =
            new KeyManager[] {
              reloading.certificate(tls.certFile(), tls.keyFile(), tls.reloadInterval())
            };
      } else if (tls.hasClientCertificate()) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry(
            "client",
            privateKey(tls),
            password,
            certificates(tls.certFile(), tls.certPem()).toArray(Certificate[]::new));
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        keyManagers = keys.getKeyManagers();
      }
      context.init(keyManagers, trustManagers(tls), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * The HTTP client's handshake bounds: {@code min_version} to {@code max_version} and, when set,
   * {@code cipher_suites} (the TLS 1.3 suites stay, as Go ignores the setting for TLS 1.3) and
   * {@code curve_preferences}.
   */
  public static SSLParameters parameters(TlsClientConfig tls) {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(tls.protocols().toArray(String[]::new));
    if (!tls.cipherSuites().isEmpty()) {
      parameters.setCipherSuites(CipherSuites.enabled(tls.cipherSuites()).toArray(String[]::new));
    }
    CurvePreferences.apply(parameters, tls.curvePreferences());
    return parameters;
  }

  /**
   * Trust everything, the CA given (with {@code include_system_ca_certs_pool}, and the system
   * roots), or (null) the system roots.
   */
  static TrustManager[] trustManagers(TlsClientConfig tls)
      throws IOException, GeneralSecurityException {
    if (tls.insecureSkipVerify()) {
      return new TrustManager[] {new TrustEverything()};
    }
    if (!tls.hasCa()) {
      return null;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (X509Certificate ca : certificates(tls.caFile(), tls.caPem())) {
      store.setCertificateEntry("ca" + i++, ca);
    }
    if (tls.includeSystemCaCertsPool()) {
      for (X509Certificate root : systemRoots()) {
        store.setCertificateEntry("system" + i++, root);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static List<X509Certificate> systemRoots() throws GeneralSecurityException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    List<X509Certificate> roots = new ArrayList<>();
    for (TrustManager manager : system.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        roots.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return roots;
  }

  private static List<X509Certificate> certificates(String file, String pem)
      throws IOException, GeneralSecurityException {
    byte[] bytes = pemBytes(file, pem);
    Collection<? extends Certificate> read =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(bytes));
    List<X509Certificate> certificates = new ArrayList<>();
    read.forEach(c -> certificates.add((X509Certificate) c));
    if (certificates.isEmpty()) {
      throw new IOException("no certificate in " + (file.isEmpty() ? "the PEM" : file));
    }
    return certificates;
  }

  /** A PKCS#8 key ({@code BEGIN PRIVATE KEY}), EC or RSA. */
  private static PrivateKey privateKey(TlsClientConfig tls)
      throws IOException, GeneralSecurityException {
    String text = new String(pemBytes(tls.keyFile(), tls.keyPem()), StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IOException("the client key must be an unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY)");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static byte[] pemBytes(String file, String pem) throws IOException {
    return file.isEmpty()
        ? pem.getBytes(StandardCharsets.US_ASCII)
        : Files.readAllBytes(Path.of(file));
  }

  /**
   * {@code insecure_skip_verify}: accepts any server certificate and host name. An extended trust
   * manager, so that the JDK does not add its own host name check around it.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
