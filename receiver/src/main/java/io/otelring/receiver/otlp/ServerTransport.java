package io.otelring.receiver.otlp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport of the HTTP server: the native epoll transport where it loads (Linux x86-64,
 * whose library the collector ships), NIO elsewhere or with {@code
 * -Dio.netty.transport.noNative=true} — the choice grpc-netty makes for the gRPC server, so both
 * receivers run on the same kind. On this machine epoll cost 5-8 % less CPU per span at full load
 * (BENCHMARKS.md).
 */
enum ServerTransport {
  EPOLL,
  NIO;

  /** The transport this process can use. */
  static ServerTransport available() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  IoHandlerFactory ioHandlers() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
