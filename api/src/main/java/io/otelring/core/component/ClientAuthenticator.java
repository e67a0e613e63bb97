package io.otelring.core.component;

import io.otelring.core.consumer.ClientMetadata;
import java.util.Map;

/**
 * An extension that an exporter's {@code auth.authenticator} names to prove who is sending, or to
 * set headers from the data's client metadata, as Go's {@code extensionauth.HTTPClient} and {@code
 * GRPCClient} ({@code bearertokenauth}, {@code basicauth}, {@code headers_setter}).
 */
public interface ClientAuthenticator extends Extension {

  /**
   * Sets the headers of one outgoing request; called for every request, on the exporter's sending
   * thread, so that a rotated credential is used at once.
   *
   * @param metadata the client metadata the batch carries (a receiver's {@code include_metadata},
   *     kept through the batch processor by its {@code metadata_keys}); often empty
   * @param headers the request's headers so far (the exporter's {@code headers}), keys matched in
   *     any letter case; changed in place
   */
  void applyHeaders(ClientMetadata metadata, Map<String, String> headers);

  /**
   * True when the headers must not travel over a connection without TLS; a gRPC exporter without
   * TLS then refuses to start, as Go's gRPC client refuses such credentials.
   */
  default boolean requiresTransportSecurity() {
    return true;
  }
}
