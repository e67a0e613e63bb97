package io.otelring.receiver.otlp;

import io.otelring.core.tls.CurvePreferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's {@code tls} section, with the keys of Go's {@code configtls.ServerConfig}. The
 * certificate and key (file or PEM), {@code client_ca_file} (mutual TLS: clients must present a
 * certificate signed by it), {@code min_version}, {@code max_version} and {@code cipher_suites} are
 * applied, and so are {@code reload_interval} (for a certificate and key in files) and {@code
 * client_ca_file_reload} ({@link io.otelring.core.tls.TlsReloading}), and {@code curve_preferences}
 * on Java 20 and later ({@link CurvePreferences}). {@code reload_interval} for an inline PEM, and
 * {@code curve_preferences} on an older JVM, are accepted so that a Go config loads, and a warning
 * says they are not applied; {@code ca_file}, {@code ca_pem} and {@code
 * include_system_ca_certs_pool} only matter to clients in Go too.
 */
public record TlsServerConfig(
    String caFile,
    String caPem,
    Boolean includeSystemCaCertsPool,
    String certFile,
    String certPem,
    String keyFile,
    String keyPem,
    String minVersion,
    String maxVersion,
    List<String> cipherSuites,
    Duration reloadInterval,
    List<String> curvePreferences,
    String clientCaFile,
    Boolean clientCaFileReload) {

  private static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3");

  public TlsServerConfig {
    caFile = orEmpty(caFile);
    caPem = orEmpty(caPem);
    includeSystemCaCertsPool = includeSystemCaCertsPool != null && includeSystemCaCertsPool;
    certFile = orEmpty(certFile);
    certPem = orEmpty(certPem);
    keyFile = orEmpty(keyFile);
    keyPem = orEmpty(keyPem);
    minVersion = orEmpty(minVersion);
    maxVersion = orEmpty(maxVersion);
    cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    reloadInterval = reloadInterval == null ? Duration.ZERO : reloadInterval;
    curvePreferences = curvePreferences == null ? List.of() : List.copyOf(curvePreferences);
    clientCaFile = orEmpty(clientCaFile);
    clientCaFileReload = clientCaFileReload != null && clientCaFileReload;
  }

  /** A TLS server with a certificate and key from files, and optionally a client CA for mTLS. */
  public static TlsServerConfig ofFiles(String certFile, String keyFile, String clientCaFile) {
    return new TlsServerConfig(
        null,
        null,
        null,
        certFile,
        null,
        keyFile,
        null,
        null,
        null,
        null,
        null,
        null,
        clientCaFile,
        null);
  }

  /** The TLS protocols from {@code min_version} to {@code max_version} (default 1.3). */
  List<String> protocols() {
    int from = VERSIONS.indexOf(minVersion.isEmpty() ? "1.2" : minVersion);
    int to = VERSIONS.indexOf(maxVersion.isEmpty() ? "1.3" : maxVersion);
    List<String> protocols = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      protocols.add("TLSv" + VERSIONS.get(i));
    }
    return protocols;
  }

  /** True when the certificate and key are files to read again every {@code reload_interval}. */
  boolean reloadsCertificate() {
    return !reloadInterval.isZero() && !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /** True when the client CA file is read again whenever it changes. */
  boolean reloadsClientCa() {
    return clientCaFileReload && !clientCaFile.isEmpty();
  }

  /** The keys that are set but not applied, for a warning at start. */
  List<String> unappliedKeys() {
    List<String> keys = new ArrayList<>();
    if (!reloadInterval.isZero() && !reloadsCertificate()) {
      keys.add("reload_interval");
    }
    if (clientCaFileReload && !reloadsClientCa()) {
      keys.add("client_ca_file_reload");
    }
    if (!curvePreferences.isEmpty() && !CurvePreferences.applicable()) {
      keys.add("curve_preferences");
    }
    return keys;
  }

  void validate(String path, List<String> problems) {
    if (!caFile.isEmpty() && !caPem.isEmpty()) {
      problems.add(path + ": provide either a CA file or the PEM-encoded string, but not both");
    }
    if (!certFile.isEmpty() && !certPem.isEmpty()) {
      problems.add(path + ": provide either cert_file or cert_pem, but not both");
    }
    if (!keyFile.isEmpty() && !keyPem.isEmpty()) {
      problems.add(path + ": provide either key_file or key_pem, but not both");
    }
    boolean hasCert = !certFile.isEmpty() || !certPem.isEmpty();
    boolean hasKey = !keyFile.isEmpty() || !keyPem.isEmpty();
    if (!hasCert || !hasKey) {
      problems.add(
          path
              + ": a TLS server needs a certificate (cert_file or cert_pem) and its key"
              + " (key_file or key_pem)");
    }
    boolean versionsKnown = true;
    if (!minVersion.isEmpty() && !VERSIONS.contains(minVersion)) {
      problems.add(path + "::min_version: unsupported TLS version: \"" + minVersion + "\"");
      versionsKnown = false;
    }
    if (!maxVersion.isEmpty() && !VERSIONS.contains(maxVersion)) {
      problems.add(path + "::max_version: unsupported TLS version: \"" + maxVersion + "\"");
      versionsKnown = false;
    }
    if (versionsKnown && protocols().isEmpty()) {
      problems.add(path + ": min_version cannot be greater than max_version");
    }
    if (reloadInterval.isNegative()) {
      problems.add(path + "::reload_interval: must not be negative, got " + reloadInterval);
    }
    CurvePreferences.validate(path, curvePreferences, problems);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Never prints the private key. */
  @Override
  public String toString() {
    return "TlsServerConfig[certFile="
        + certFile
        + ", keyFile="
        + keyFile
        + ", keyPem="
        + (keyPem.isEmpty() ? "" : "[REDACTED]")
        + ", clientCaFile="
        + clientCaFile
        + ", minVersion="
        + minVersion
        + ", maxVersion="
        + maxVersion
        + "]";
  }
}
