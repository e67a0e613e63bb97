package io.otelring.receiver.otlp;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.otelring.core.tls.CipherSuites;
import io.otelring.core.tls.CurvePreferences;
import io.otelring.core.tls.TlsReloading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Builds the servers' TLS contexts from a {@code tls} section. */
final class ServerTls {

  private ServerTls() {}

  /**
   * The gRPC server's context, with ALPN for HTTP/2; with {@code client_ca_file}, clients must
   * present a certificate signed by that CA (Go's RequireAndVerifyClientCert).
   *
   * @throws IOException naming the file or key that could not be read
   */
  static SslContext context(TlsServerConfig tls, TlsReloading reloading) throws IOException {
    return context(tls, reloading, GrpcSslContexts::configure);
  }

  /** The HTTP server's context: as the gRPC one, with ALPN offering h2 and then http/1.1. */
  static SslContext httpContext(TlsServerConfig tls, TlsReloading reloading) throws IOException {
    return context(
        tls,
        reloading,
        builder ->
            builder.applicationProtocolConfig(
                new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2,
                    ApplicationProtocolNames.HTTP_1_1)));
  }

  /**
   * With {@code reload_interval} (and the certificate and key in files) or {@code
   * client_ca_file_reload}, {@code reloading} reads those files again for the context's lifetime.
   */
  private static SslContext context(
      TlsServerConfig tls, TlsReloading reloading, UnaryOperator<SslContextBuilder> protocol)
      throws IOException {
    SslContextBuilder builder;
    if (tls.reloadsCertificate()) {
      builder =
          protocol.apply(
              SslContextBuilder.forServer(
                  reloading.certificate(tls.certFile(), tls.keyFile(), tls.reloadInterval())));
    } else {
      try (InputStream cert = pem(tls.certFile(), tls.certPem(), "cert");
          InputStream key = pem(tls.keyFile(), tls.keyPem(), "key")) {
        builder = protocol.apply(SslContextBuilder.forServer(cert, key));
      } catch (IllegalArgumentException e) {
        throw new IOException("cannot load the TLS certificate and key: " + e.getMessage(), e);
      }
    }
    if (tls.reloadsClientCa()) {
      builder.trustManager(reloading.clientCa(tls.clientCaFile())).clientAuth(ClientAuth.REQUIRE);
    } else if (!tls.clientCaFile().isEmpty()) {
      try (InputStream clientCa = pem(tls.clientCaFile(), "", "client_ca")) {
        builder.trustManager(clientCa).clientAuth(ClientAuth.REQUIRE);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            "cannot load client_ca_file " + tls.clientCaFile() + ": " + e.getMessage(), e);
      }
    }
    builder.protocols(tls.protocols());
    if (!tls.cipherSuites().isEmpty()) {
      builder.ciphers(
          CipherSuites.enabled(tls.cipherSuites()), SupportedCipherSuiteFilter.INSTANCE);
    }
    return CurvePreferences.onEachEngine(builder.build(), tls.curvePreferences());
  }

  private static InputStream pem(String file, String inline, String what) throws IOException {
    if (!file.isEmpty()) {
      try {
        return Files.newInputStream(Path.of(file));
      } catch (IOException e) {
        throw new IOException("cannot read " + what + "_file " + file + ": " + e, e);
      }
    }
    return new ByteArrayInputStream(inline.getBytes(StandardCharsets.UTF_8));
  }
}
