package io.otelring.core.tls;

import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import io.grpc.util.CertificateUtils;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Keeps one component's certificate and client CA fresh from their files, as Go's {@code
 * reload_interval} (the certificate and key, read again every interval — a server's, or a client's
 * for mutual TLS) and {@code client_ca_file_reload} (a server's client CA, read again when the file
 * changes) do: a rotated certificate — cert-manager renewing a Kubernetes secret — is used for new
 * connections without a restart. A file that cannot be read or parsed at a reload is logged and the
 * previous contents stay in use. Closing stops the reloads.
 *
 * <p>The managers are grpc-java's, which take new contents at any time; their own periodic reload
 * is not used because it will not check more often than once a minute.
 */
public final class TlsReloading implements Closeable {

  /** How often the client CA file is checked for a change (Go watches it for file events). */
  private static final Duration CLIENT_CA_CHECK = Duration.ofSeconds(1);

  private final Logger logger;
  private ScheduledExecutorService executor;

  public TlsReloading(Logger logger) {
    this.logger = logger;
  }

  /** The certificate and key from their files now, and again every {@code interval}. */
  public AdvancedTlsX509KeyManager certificate(String certFile, String keyFile, Duration interval)
      throws IOException {
    AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
    Path cert = Path.of(certFile);
    Path key = Path.of(keyFile);
    try {
      loadCertificate(keys, cert, key);
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException(
          "cannot load the TLS certificate " + certFile + " and key " + keyFile + ": " + e, e);
    }
    every(
        interval,
        () -> {
          try {
            loadCertificate(keys, cert, key);
          } catch (GeneralSecurityException | IOException e) {
            logger.warn(
                "Cannot reload the TLS certificate {}; keeping the previous one: {}", cert, e);
          }
        });
    return keys;
  }

  /**
   * Trusts the client CAs of {@code caFile}, read now and again whenever the file changes. Only the
   * chain is checked, as Go's RequireAndVerifyClientCert does: a client certificate names no host.
   */
  public AdvancedTlsX509TrustManager clientCa(String caFile) throws IOException {
    Path file = Path.of(caFile);
    AdvancedTlsX509TrustManager trust;
    AtomicLong loaded = new AtomicLong();
    try {
      trust =
          AdvancedTlsX509TrustManager.newBuilder()
              .setVerification(
                  AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION)
              .build();
      loaded.set(Files.getLastModifiedTime(file).toMillis());
      trust.updateTrustCredentials(certificates(file));
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("cannot load client_ca_file " + caFile + ": " + e, e);
    }
    every(
        CLIENT_CA_CHECK,
        () -> {
          try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (modified != loaded.get()) {
              trust.updateTrustCredentials(certificates(file));
              loaded.set(modified);
            }
          } catch (GeneralSecurityException | IOException e) {
            logger.warn("Cannot reload client_ca_file {}; keeping the previous one: {}", file, e);
          }
        });
    return trust;
  }

  private static void loadCertificate(AdvancedTlsX509KeyManager keys, Path cert, Path key)
      throws IOException, GeneralSecurityException {
    PrivateKey privateKey;
    try (InputStream in = Files.newInputStream(key)) {
      privateKey = CertificateUtils.getPrivateKey(in);
    }
    keys.updateIdentityCredentials(certificates(cert), privateKey);
  }

  private static X509Certificate[] certificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateUtils.getX509Certificates(in);
    }
  }

  private void every(Duration period, Runnable task) {
    if (executor == null) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "otlp-tls-reload");
                thread.setDaemon(true);
                return thread;
              });
    }
    long nanos = period.toNanos();
    executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
