package io.otelring.core.component;

import java.util.Map;

/**
 * An extension that an exporter's {@code auth.authenticator} names to prove who is sending, as Go's
 * {@code extensionauth.HTTPClient} and {@code GRPCClient}: it gives the headers every request
 * carries.
 */
public interface ClientAuthenticator extends Extension {

  /** The headers to set on the next request (such as {@code Authorization}); asked per request. */
  Map<String, String> requestHeaders();

  /**
   * True when the headers must not travel over a connection without TLS; a gRPC exporter without
   * TLS then refuses to start, as Go's gRPC client refuses such credentials.
   */
  default boolean requiresTransportSecurity() {
    return true;
  }
}
