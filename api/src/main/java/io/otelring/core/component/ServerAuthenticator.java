package io.otelring.core.component;

import io.otelring.core.consumer.ClientMetadata;

/**
 * An extension that decides who may send to a receiver whose {@code auth.authenticator} names it,
 * as Go's {@code extensionauth.Server}. Called on the receiver's I/O threads for every request, so
 * it must be quick and must not block.
 */
public interface ServerAuthenticator extends Extension {

  /**
   * Checks a request's headers (gRPC metadata, or HTTP headers and the query parameters listed in
   * {@code auth.request_params}).
   *
   * @throws AuthenticationException when the request may not pass; its message goes back to the
   *     client (gRPC {@code UNAUTHENTICATED}, HTTP 401), so it must not reveal a secret
   */
  void authenticate(ClientMetadata headers) throws AuthenticationException;

  /** Why a request was not let through. */
  final class AuthenticationException extends Exception {
    public AuthenticationException(String message) {
      super(message, null, false, false);
    }
  }
}
