package io.otelring.receiver.otlp;

import io.otelring.core.component.ComponentConfig;
import java.util.ArrayList;
import java.util.List;

/** The {@code otlp} receiver's config: {@code protocols}, with at least one of them on. */
public record OtlpReceiverConfig(Protocols protocols) implements ComponentConfig {

  public OtlpReceiverConfig {
    protocols = protocols == null ? Protocols.NONE : protocols;
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (protocols.grpc() == null && protocols.http() == null) {
      problems.add("protocols: must specify at least one protocol when using the OTLP receiver");
    }
    if (protocols.grpc() != null) {
      protocols.grpc().validate("protocols::grpc", problems);
    }
    if (protocols.http() != null) {
      protocols.http().validate("protocols::http", problems);
    }
    return problems;
  }
}
