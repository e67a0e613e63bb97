package io.otelring.receiver.otlp;

import io.otelring.core.auth.ServerAuthConfig;
import java.util.List;

/**
 * {@code protocols.grpc}: the keys of Go's {@code configgrpc.ServerConfig}, with the OTLP
 * receiver's defaults. A key left out takes its default; {@code tls} left out means plain text.
 *
 * <p>The default endpoint is Go's, {@code localhost:4317} (since v0.104); containers and the
 * shipped configs set {@code 0.0.0.0:4317}. {@code read_buffer_size} and {@code write_buffer_size}
 * are accepted and checked but not applied: they size grpc-go's per-connection buffers, which Netty
 * sizes adaptively.
 *
 * @param transport {@code tcp} (or {@code tcp4}, {@code tcp6}); Go's unix sockets are not served
 * @param maxRecvMsgSizeMib the largest request after decompression; 0 means 4
 * @param maxConcurrentStreams calls at once per connection; 0 means unlimited
 * @param includeMetadata pass the request headers on with the data
 * @param auth the extension that checks every call, or null for none
 */
public record GrpcServerConfig(
    String endpoint,
    String transport,
    TlsServerConfig tls,
    Integer maxRecvMsgSizeMib,
    Integer maxConcurrentStreams,
    Integer readBufferSize,
    Integer writeBufferSize,
    KeepaliveServerConfig keepalive,
    Boolean includeMetadata,
    ServerAuthConfig auth) {

  static final String DEFAULT_ENDPOINT = "localhost:4317";
  static final int DEFAULT_MAX_RECV_MSG_SIZE_MIB = 4;
  static final int DEFAULT_READ_BUFFER_SIZE = 512 * 1024;
  private static final int MAX_RECV_MSG_SIZE_MIB_LIMIT = Integer.MAX_VALUE / (1024 * 1024);
  private static final List<String> TRANSPORTS = List.of("tcp", "tcp4", "tcp6");

  public GrpcServerConfig {
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    transport = transport == null || transport.isEmpty() ? "tcp" : transport;
    maxRecvMsgSizeMib =
        maxRecvMsgSizeMib == null ? DEFAULT_MAX_RECV_MSG_SIZE_MIB : maxRecvMsgSizeMib;
    maxConcurrentStreams = maxConcurrentStreams == null ? 0 : maxConcurrentStreams;
    // Go's OTLP receiver sets 512 KiB: requests are read far more than answers are written.
    readBufferSize = readBufferSize == null ? DEFAULT_READ_BUFFER_SIZE : readBufferSize;
    writeBufferSize = writeBufferSize == null ? 0 : writeBufferSize;
    keepalive = keepalive == null ? KeepaliveServerConfig.defaults() : keepalive;
    includeMetadata = includeMetadata != null && includeMetadata;
  }

  /** Every key at its default: what {@code grpc:} with no value means. */
  public static GrpcServerConfig defaults() {
    return new GrpcServerConfig(null, null, null, null, null, null, null, null, null, null);
  }

  /** The same config listening on another endpoint. */
  public GrpcServerConfig withEndpoint(String newEndpoint) {
    return new GrpcServerConfig(
        newEndpoint,
        transport,
        tls,
        maxRecvMsgSizeMib,
        maxConcurrentStreams,
        readBufferSize,
        writeBufferSize,
        keepalive,
        includeMetadata,
        auth);
  }

  /** The request size limit in bytes; 0 MiB means grpc's default of 4 MiB, as in Go. */
  int maxInboundMessageBytes() {
    int mib = maxRecvMsgSizeMib == 0 ? DEFAULT_MAX_RECV_MSG_SIZE_MIB : maxRecvMsgSizeMib;
    return mib * 1024 * 1024;
  }

  void validate(String path, List<String> problems) {
    try {
      Endpoint.parse(endpoint);
    } catch (IllegalArgumentException e) {
      problems.add(path + "::endpoint: " + e.getMessage());
    }
    if (!TRANSPORTS.contains(transport)) {
      problems.add(
          path
              + "::transport: only \"tcp\", \"tcp4\" and \"tcp6\" are supported, got \""
              + transport
              + "\"");
    }
    if (maxRecvMsgSizeMib < 0 || maxRecvMsgSizeMib > MAX_RECV_MSG_SIZE_MIB_LIMIT) {
      problems.add(
          path
              + "::max_recv_msg_size_mib: must be between 1 and "
              + MAX_RECV_MSG_SIZE_MIB_LIMIT
              + " (0 means 4), got "
              + maxRecvMsgSizeMib);
    }
    if (maxConcurrentStreams < 0) {
      problems.add(
          path
              + "::max_concurrent_streams: must not be negative (0 means unlimited), got "
              + maxConcurrentStreams);
    }
    if (readBufferSize < 0) {
      problems.add(path + "::read_buffer_size: must not be negative, got " + readBufferSize);
    }
    if (writeBufferSize < 0) {
      problems.add(path + "::write_buffer_size: must not be negative, got " + writeBufferSize);
    }
    keepalive.validate(path + "::keepalive", problems);
    if (tls != null) {
      tls.validate(path + "::tls", problems);
    }
    if (auth != null) {
      auth.validate(path + "::auth", problems);
    }
  }
}
