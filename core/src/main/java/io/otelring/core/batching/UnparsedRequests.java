package io.otelring.core.batching;

import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.wire.WireCut;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The unparsed requests at the front of a batch, in arrival order, and the way to take some of
 * their items without parsing them: requests that fit are taken whole, as the arrays they came in;
 * the first that does not is cut on the wire ({@link WireCut}) into the two requests the parsed
 * path would make of it.
 */
final class UnparsedRequests {

  private final Signal signal;
  private final ArrayDeque<Telemetry> requests = new ArrayDeque<>();

  UnparsedRequests(Signal signal) {
    this.signal = signal;
  }

  boolean isEmpty() {
    return requests.isEmpty();
  }

  void add(Telemetry request) {
    requests.addLast(request);
  }

  /** Removes and returns every request, in order. */
  List<Telemetry> drain() {
    List<Telemetry> all = new ArrayList<>(requests);
    requests.clear();
    return all;
  }

  /**
   * Removes the first {@code maxItems} items, which must be fewer than those held, and returns them
   * as one request.
   */
  Telemetry take(int maxItems, ClientMetadata metadata) {
    List<Telemetry> taken = new ArrayList<>();
    int room = maxItems;
    while (room > 0) {
      Telemetry first = requests.removeFirst();
      if (first.itemCount() <= room) {
        taken.add(first);
        room -= first.itemCount();
      } else {
        List<Telemetry> rest = new ArrayList<>();
        cut(first, room, taken, rest);
        for (int i = rest.size() - 1; i >= 0; i--) {
          requests.addFirst(rest.get(i));
        }
        room = 0;
      }
    }
    return Telemetry.join(signal, taken, metadata);
  }

  /**
   * Cuts a request after {@code room} of its items (fewer than it has) into {@code head} and {@code
   * tail}, piece by piece (a request a batch joined is several).
   */
  private void cut(Telemetry request, int room, List<Telemetry> head, List<Telemetry> tail) {
    for (Telemetry unit : request.wirePieces()) {
      int items = unit.itemCount();
      if (room == 0) {
        tail.add(unit);
      } else if (items <= room) {
        head.add(unit);
        room -= items;
      } else {
        cutPiece(unit, room, head, tail);
        room = 0;
      }
    }
  }

  /** Cuts one whole request's bytes after {@code room} of its items (fewer than it has). */
  private void cutPiece(Telemetry piece, int room, List<Telemetry> head, List<Telemetry> tail) {
    WireCut.Halves halves = WireCut.cut(signal, piece.toByteArray(), room);
    head.add(Telemetry.fromWire(signal, halves.head(), room, piece.metadata()));
    tail.add(Telemetry.fromWire(signal, halves.tail(), piece.itemCount() - room, piece.metadata()));
  }
}
