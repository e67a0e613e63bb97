package io.otelring.exporter.client;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
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
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds client TLS contexts from a {@code tls} section: Netty's for gRPC, the JDK's for HTTP. */
public final class ClientTls {

  private ClientTls() {}

  /** A gRPC client context (ALPN h2). */
  public static SslContext netty(TlsClientConfig tls) throws IOException {
    try {
      SslContextBuilder builder = GrpcSslContexts.forClient().protocols(tls.protocols());
      TrustManager[] trust = trustManagers(tls);
      if (trust != null) {
        builder.trustManager(trust[0]);
      }
      if (tls.hasClientCertificate()) {
        builder.keyManager(privateKey(tls), certificates(tls.certFile(), tls.certPem()));
      }
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** An HTTP client context. */
  public static SSLContext jdk(TlsClientConfig tls) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManagerFactory keys = null;
      if (tls.hasClientCertificate()) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry(
            "client",
            privateKey(tls),
            password,
            certificates(tls.certFile(), tls.certPem()).toArray(Certificate[]::new));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
      }
      context.init(keys == null ? null : keys.getKeyManagers(), trustManagers(tls), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Trust everything, the CA given, or (null) the system roots. */
  private static TrustManager[] trustManagers(TlsClientConfig tls)
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
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
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
