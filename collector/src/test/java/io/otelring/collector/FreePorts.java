package io.otelring.collector;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds free TCP ports on 127.0.0.1 for tests, below the ephemeral range. A port the kernel hands
 * out for "any free port" is one it may also hand to an outgoing connection as its local port
 * before the test's server binds it (seen: "Address already in use" in a collector test while other
 * tests' clients connected); ports under 32768 are never used that way on Linux (ephemeral
 * 32768–60999) or macOS (49152–65535).
 */
public final class FreePorts {

  private static final int FIRST = 20_000;
  private static final int COUNT = 12_000;

  /** A random start, so that two test JVMs at once rarely probe the same ports. */
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

  private FreePorts() {}

  public static int next() {
    for (int tries = 0; tries < COUNT; tries++) {
      int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return probe.getLocalPort();
      } catch (IOException inUse) {
        // taken: try the next one
      }
    }
    throw new IllegalStateException("no free port in " + FIRST + "–" + (FIRST + COUNT - 1));
  }
}
