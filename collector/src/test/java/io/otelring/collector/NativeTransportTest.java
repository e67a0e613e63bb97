package io.otelring.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The collector ships Netty's native epoll library for Linux on x86-64 and ARM64; without it gRPC
 * and the HTTP server would fall back to NIO without a word and cost more CPU per span.
 */
class NativeTransportTest {

  @Test
  @EnabledOnOs(
      value = OS.LINUX,
      architectures = {"amd64", "aarch64"})
  void nettysEpollTransportLoadsFromTheCollectorsDependencies() {
    assertThat(Epoll.isAvailable())
        .as("epoll unavailable: %s", Epoll.unavailabilityCause())
        .isTrue();
  }
}
