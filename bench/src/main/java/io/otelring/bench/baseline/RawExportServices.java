package io.otelring.bench.baseline;

import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.otelring.bench.loadgen.ByteArrayMarshaller;
import io.otelring.bench.wire.WireItemCounter;
import io.otelring.bench.wire.WireItemCounter.ProbeListener;
import io.otelring.core.component.Signal;
import java.util.ArrayList;
import java.util.List;

/** B0's services: the OTLP Export methods over raw bytes, counted by a wire walk. */
final class RawExportServices {

  /** An empty {@code Export…ServiceResponse}: full success encodes to no bytes. */
  private static final byte[] SUCCESS = new byte[0];

  private RawExportServices() {}

  static List<ServerServiceDefinition> all(ReceivedCounts counts, ProbeListener probes) {
    List<ServerServiceDefinition> services = new ArrayList<>();
    for (Signal signal : Signal.values()) {
      var method = ByteArrayMarshaller.exportMethod(signal);
      services.add(
          ServerServiceDefinition.builder(method.getServiceName())
              .addMethod(
                  method,
                  ServerCalls.asyncUnaryCall(
                      (body, response) -> {
                        int items;
                        try {
                          items = WireItemCounter.count(signal, body, probes);
                        } catch (IllegalArgumentException e) {
                          response.onError(
                              Status.INVALID_ARGUMENT
                                  .withDescription(e.getMessage())
                                  .asException());
                          return;
                        }
                        counts.add(signal, items);
                        response.onNext(SUCCESS);
                        response.onCompleted();
                      }))
              .build());
    }
    return services;
  }
}
