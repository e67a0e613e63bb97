package io.otelring.core.tls;

import java.util.ArrayList;
import java.util.List;

/** {@code cipher_suites} as Go applies them, for servers and clients alike. */
public final class CipherSuites {

  /** The TLS 1.3 suites, which Go keeps whatever {@code cipher_suites} says. */
  private static final List<String> TLS13 =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private CipherSuites() {}

  /**
   * The suites to enable for a configured list: those, plus the TLS 1.3 ones, since Go ignores the
   * setting for TLS 1.3 and the JDK would otherwise turn TLS 1.3 off.
   */
  public static List<String> enabled(List<String> configured) {
    List<String> suites = new ArrayList<>(TLS13);
    suites.addAll(configured);
    return suites;
  }
}
