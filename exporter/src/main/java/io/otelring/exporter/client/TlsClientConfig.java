package io.otelring.exporter.client;

import io.otelring.core.tls.CurvePreferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's {@code tls} section (Go's {@code configtls.ClientConfig}). TLS is on unless {@code
 * insecure} is set without a CA, as in Go; a gRPC endpoint's {@code http://} does not turn it off
 * and its {@code https://} forces it on. {@code insecure_skip_verify} trusts any server
 * certificate; {@code ca_file} / {@code ca_pem} replace the system roots; {@code cert_file} and
 * {@code key_file} (PKCS#8 PEM) present a client certificate (mutual TLS); {@code
 * server_name_override} is the name the certificate is checked against; {@code
 * include_system_ca_certs_pool} trusts the system roots besides the CA; {@code min_version}, {@code
 * max_version} and {@code cipher_suites} bound the handshake; {@code reload_interval} reads a
 * client certificate and key in files again every interval, as Go does; {@code curve_preferences}
 * limits the key exchange groups on Java 20 and later ({@link CurvePreferences}). {@code
 * reload_interval} without those files, and {@code curve_preferences} on an older JVM, are accepted
 * so that a Go config loads, and a warning at start says they are not applied.
 */
public record TlsClientConfig(
    Boolean insecure,
    Boolean insecureSkipVerify,
    String caFile,
    String caPem,
    String certFile,
    String certPem,
    String keyFile,
    String keyPem,
    String serverNameOverride,
    String minVersion,
    String maxVersion,
    Boolean includeSystemCaCertsPool,
    List<String> cipherSuites,
    Duration reloadInterval,
    List<String> curvePreferences) {

  private static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3");

  public TlsClientConfig {
    insecure = insecure != null && insecure;
    insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
    caFile = orEmpty(caFile);
    caPem = orEmpty(caPem);
    certFile = orEmpty(certFile);
    certPem = orEmpty(certPem);
    keyFile = orEmpty(keyFile);
    keyPem = orEmpty(keyPem);
    serverNameOverride = orEmpty(serverNameOverride);
    minVersion = orEmpty(minVersion);
    maxVersion = orEmpty(maxVersion);
    includeSystemCaCertsPool = includeSystemCaCertsPool != null && includeSystemCaCertsPool;
    cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    reloadInterval = reloadInterval == null ? Duration.ZERO : reloadInterval;
    curvePreferences = curvePreferences == null ? List.of() : List.copyOf(curvePreferences);
  }

  public static TlsClientConfig defaults() {
    return new TlsClientConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** TLS with a CA file and, when both are given, a client certificate and key in files. */
  public static TlsClientConfig ofFiles(String caFile, String certFile, String keyFile) {
    return new TlsClientConfig(
        null, null, caFile, null, certFile, null, keyFile, null, null, null, null, null, null, null,
        null);
  }

  /** Whether a CA is configured. */
  public boolean hasCa() {
    return !caFile.isEmpty() || !caPem.isEmpty();
  }

  /** Go's rule: no TLS only when {@code insecure} is set and no CA is given. */
  public boolean enabled() {
    return !(insecure && !hasCa());
  }

  public boolean hasClientCertificate() {
    return !certFile.isEmpty() || !certPem.isEmpty();
  }

  /** The TLS protocols from {@code min_version} (default 1.2) to {@code max_version} (1.3). */
  public List<String> protocols() {
    int from = VERSIONS.indexOf(minVersion.isEmpty() ? "1.2" : minVersion);
    int to = VERSIONS.indexOf(maxVersion.isEmpty() ? "1.3" : maxVersion);
    return VERSIONS.subList(from, Math.max(from, to + 1)).stream().map(v -> "TLSv" + v).toList();
  }

  /** True when the client certificate and key are files to read again every reload_interval. */
  public boolean reloadsCertificate() {
    return !reloadInterval.isZero() && !certFile.isEmpty() && !keyFile.isEmpty();
  }

  /** The keys that are set but not applied, for a warning at start. */
  public List<String> unappliedKeys() {
    List<String> keys = new ArrayList<>();
    if (!reloadInterval.isZero() && !reloadsCertificate()) {
      keys.add("tls::reload_interval");
    }
    if (!curvePreferences.isEmpty() && !CurvePreferences.applicable()) {
      keys.add("tls::curve_preferences");
    }
    return keys;
  }

  public void validate(String path, List<String> problems) {
    if (!caFile.isEmpty() && !caPem.isEmpty()) {
      problems.add(path + ": provide either a CA file or the PEM-encoded string, but not both");
    }
    if (!certFile.isEmpty() && !certPem.isEmpty()) {
      problems.add(path + ": provide either cert_file or cert_pem, but not both");
    }
    if (!keyFile.isEmpty() && !keyPem.isEmpty()) {
      problems.add(path + ": provide either key_file or key_pem, but not both");
    }
    boolean hasKey = !keyFile.isEmpty() || !keyPem.isEmpty();
    if (hasClientCertificate() != hasKey) {
      problems.add(path + ": for auth via TLS, provide both certificate and key, or neither");
    }
    if (!minVersion.isEmpty() && !VERSIONS.contains(minVersion)) {
      problems.add(path + "::min_version: unsupported TLS version: \"" + minVersion + "\"");
    }
    if (!maxVersion.isEmpty() && !VERSIONS.contains(maxVersion)) {
      problems.add(path + "::max_version: unsupported TLS version: \"" + maxVersion + "\"");
    }
    CurvePreferences.validate(path, curvePreferences, problems);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Never prints the private key. */
  @Override
  public String toString() {
    return "TlsClientConfig[insecure="
        + insecure
        + ", insecureSkipVerify="
        + insecureSkipVerify
        + ", caFile="
        + caFile
        + ", certFile="
        + certFile
        + ", keyFile="
        + keyFile
        + ", keyPem="
        + (keyPem.isEmpty() ? "" : "[REDACTED]")
        + ", serverNameOverride="
        + serverNameOverride
        + "]";
  }
}
