package io.otelring.receiver.otlp;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.otelring.core.consumer.ClientMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code include_metadata: true}: keeps every text header of a call, as Go's {@code client.Info}
 * does, so that the handler can pass them on with the data. Binary ({@code -bin}) headers are left
 * out: the envelope carries text.
 */
final class ClientMetadataInterceptor implements ServerInterceptor {

  static final Context.Key<ClientMetadata> METADATA = Context.key("otelring.client-metadata");

  /** The metadata of the current call, empty when the receiver does not keep it. */
  static ClientMetadata current() {
    ClientMetadata metadata = METADATA.get();
    return metadata == null ? ClientMetadata.EMPTY : metadata;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Context context = Context.current().withValue(METADATA, toClientMetadata(headers));
    return Contexts.interceptCall(context, call, headers, next);
  }

  static ClientMetadata toClientMetadata(Metadata headers) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String key : headers.keys()) {
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        continue;
      }
      List<String> list = new ArrayList<>();
      Iterable<String> all = headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
      if (all != null) {
        all.forEach(list::add);
      }
      values.put(key, list);
    }
    return ClientMetadata.of(values);
  }
}
