package io.otelring.receiver.otlp;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.otelring.core.component.ServerAuthenticator;

/**
 * {@code auth}: a call whose metadata the authenticator refuses is closed with {@code
 * UNAUTHENTICATED} and the authenticator's reason before any of it is read, as Go's gRPC server
 * does. Nothing is counted as refused: the data never reached the receiver.
 */
final class GrpcAuthInterceptor implements ServerInterceptor {

  private final ServerAuthenticator authenticator;

  GrpcAuthInterceptor(ServerAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    try {
      authenticator.authenticate(ClientMetadataInterceptor.toClientMetadata(headers));
    } catch (ServerAuthenticator.AuthenticationException e) {
      call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
