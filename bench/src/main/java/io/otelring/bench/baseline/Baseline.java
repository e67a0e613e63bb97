package io.otelring.bench.baseline;

import io.grpc.ServerServiceDefinition;
import io.otelring.bench.wire.WireItemCounter.ProbeListener;
import java.util.List;
import java.util.Locale;

/**
 * The servers otelring is measured against, each a grpc-java OTLP server that answers every request
 * with success:
 *
 * <ul>
 *   <li>B0 reads each request's bytes and acks. It counts items by a walk of the wire format (no
 *       objects), so "delivered" is measured rather than taken on the load generator's word.
 *   <li>B2 parses each request into the generated OTLP messages and acks: the cost of a server that
 *       only decodes.
 * </ul>
 */
public enum Baseline {
  B0 {
    @Override
    List<ServerServiceDefinition> services(ReceivedCounts counts, ProbeListener probes) {
      return RawExportServices.all(counts, probes);
    }
  },
  B2 {
    @Override
    List<ServerServiceDefinition> services(ReceivedCounts counts, ProbeListener probes) {
      return ParsedExportServices.all(counts);
    }
  };

  abstract List<ServerServiceDefinition> services(ReceivedCounts counts, ProbeListener probes);

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
