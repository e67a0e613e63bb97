package io.otelring.receiver.otlp;

import java.time.Duration;
import java.util.List;

/**
 * The {@code keepalive} section of a gRPC server, as Go's {@code configgrpc}. A zero duration means
 * "not set": grpc-java's default applies, which is grpc-go's too (ping after 2h idle, 20s timeout,
 * clients may ping every 5 minutes).
 */
public record KeepaliveServerConfig(
    ServerParameters serverParameters, EnforcementPolicy enforcementPolicy) {

  public KeepaliveServerConfig {
    serverParameters =
        serverParameters == null
            ? new ServerParameters(null, null, null, null, null)
            : serverParameters;
    enforcementPolicy =
        enforcementPolicy == null ? new EnforcementPolicy(null, null) : enforcementPolicy;
  }

  static KeepaliveServerConfig defaults() {
    return new KeepaliveServerConfig(null, null);
  }

  /** {@code keepalive.server_parameters}: how the server ages and pings its connections. */
  public record ServerParameters(
      Duration maxConnectionIdle,
      Duration maxConnectionAge,
      Duration maxConnectionAgeGrace,
      Duration time,
      Duration timeout) {

    public ServerParameters {
      maxConnectionIdle = orZero(maxConnectionIdle);
      maxConnectionAge = orZero(maxConnectionAge);
      maxConnectionAgeGrace = orZero(maxConnectionAgeGrace);
      time = orZero(time);
      timeout = orZero(timeout);
    }
  }

  /** {@code keepalive.enforcement_policy}: how often clients may ping. */
  public record EnforcementPolicy(Duration minTime, Boolean permitWithoutStream) {

    public EnforcementPolicy {
      minTime = orZero(minTime);
      permitWithoutStream = permitWithoutStream != null && permitWithoutStream;
    }
  }

  void validate(String path, List<String> problems) {
    ServerParameters p = serverParameters;
    String params = path + "::server_parameters::";
    requireNotNegative(params + "max_connection_idle", p.maxConnectionIdle(), problems);
    requireNotNegative(params + "max_connection_age", p.maxConnectionAge(), problems);
    requireNotNegative(params + "max_connection_age_grace", p.maxConnectionAgeGrace(), problems);
    requireNotNegative(params + "time", p.time(), problems);
    requireNotNegative(params + "timeout", p.timeout(), problems);
    requireNotNegative(
        path + "::enforcement_policy::min_time", enforcementPolicy.minTime(), problems);
  }

  private static void requireNotNegative(String key, Duration value, List<String> problems) {
    if (value.isNegative()) {
      problems.add(key + ": must not be negative, got " + value);
    }
  }

  private static Duration orZero(Duration value) {
    return value == null ? Duration.ZERO : value;
  }
}
