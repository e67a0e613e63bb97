package io.otelring.core.batching;

import io.otelring.core.component.Signal;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Telemetry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The data one batcher holds until it is sent: the resource groups ({@code ResourceSpans}, {@code
 * ResourceMetrics}, {@code ResourceLogs}) of every request taken, in arrival order, and their item
 * count. Adding appends the groups as they are (Go's {@code MoveAndAppendTo}); taking with a cap
 * cuts the first group that does not fit in two, copying its resource and scope into both halves
 * (Go's {@code splitTraces} and its siblings).
 *
 * <p>Requests that arrive as unparsed bytes stay bytes while they can: a batch made only of them,
 * taken whole, is their bytes joined ({@link Telemetry#join}) — the protobuf encoding of a request
 * whose resource groups are those of all of them, in order — so nothing is parsed, encoded or
 * copied. Cutting such a batch cuts the one request the cut falls in on the wire, into the two
 * requests this class would make of it parsed ({@link UnparsedRequests}). Adding a parsed request
 * after them parses them.
 *
 * @param <R> the resource group message of the signal
 */
public abstract class PendingBatch<R> {

  private final Signal signal;
  // Unparsed requests come first: while there are any, no parsed group is buffered after them.
  private final UnparsedRequests unparsed;
  private final ArrayDeque<R> groups = new ArrayDeque<>();
  private int itemCount;

  PendingBatch(Signal signal) {
    this.signal = signal;
    this.unparsed = new UnparsedRequests(signal);
  }

  /** A fresh, empty batch for the signal. */
  public static PendingBatch<?> of(Signal signal) {
    return switch (signal) {
      case TRACES -> new PendingTraces();
      case METRICS -> new PendingMetrics();
      case LOGS -> new PendingLogs();
    };
  }

  /** Appends the groups of a request; a request without items is dropped, as Go drops it. */
  public final void add(Telemetry telemetry) {
    if (telemetry.itemCount() == 0) {
      return;
    }
    itemCount += telemetry.itemCount();
    if (telemetry.isUnparsed() && groups.isEmpty()) {
      unparsed.add(telemetry);
    } else {
      parseUnparsed();
      groups.addAll(groupsOf(telemetry));
    }
  }

  public final int itemCount() {
    return itemCount;
  }

  /**
   * Removes and returns the first {@code maxItems} items as one request, or everything when {@code
   * maxItems} is zero or the batch holds no more than that.
   */
  public final Telemetry take(int maxItems, ClientMetadata metadata) {
    if (!unparsed.isEmpty()) {
      if (maxItems <= 0 || itemCount <= maxItems) {
        Telemetry whole = Telemetry.join(signal, unparsed.drain(), metadata);
        itemCount = 0;
        return whole;
      }
      Telemetry head = unparsed.take(maxItems, metadata);
      itemCount -= maxItems;
      return head;
    }
    parseUnparsed();
    List<R> taken;
    if (maxItems <= 0 || itemCount <= maxItems) {
      taken = new ArrayList<>(groups);
      groups.clear();
      itemCount = 0;
    } else {
      taken = new ArrayList<>();
      int room = maxItems;
      while (room > 0) {
        R group = groups.removeFirst();
        int items = itemsOf(group);
        if (items <= room) {
          taken.add(group);
          room -= items;
        } else {
          Split<R> split = split(group, room);
          taken.add(split.head());
          groups.addFirst(split.tail());
          room = 0;
        }
      }
      itemCount -= maxItems;
    }
    return toTelemetry(taken, metadata);
  }

  /** Moves the unparsed requests into the groups, parsing them, in their order. */
  private void parseUnparsed() {
    for (Telemetry telemetry : unparsed.drain()) {
      groups.addAll(groupsOf(telemetry));
    }
  }

  abstract List<R> groupsOf(Telemetry telemetry);

  abstract int itemsOf(R group);

  /**
   * Cuts a group holding more than {@code room} items into one of exactly {@code room} and rest.
   */
  abstract Split<R> split(R group, int room);

  abstract Telemetry toTelemetry(List<R> groups, ClientMetadata metadata);

  /** A message cut in two: the part that is sent now and the part that stays buffered. */
  record Split<T>(T head, T tail) {}

  /**
   * Cuts a list of children holding more than {@code room} items: children that fit go to the head
   * whole, the first that does not is cut with {@code cut}, the rest go to the tail. A child
   * without items before the cut goes with the head, as in Go.
   */
  static <T> Split<List<T>> splitChildren(
      List<T> children, int room, ToIntFunction<T> itemsOf, Cutter<T> cut) {
    List<T> head = new ArrayList<>();
    List<T> tail = new ArrayList<>();
    int left = room;
    for (T child : children) {
      if (left == 0) {
        tail.add(child);
        continue;
      }
      int items = itemsOf.applyAsInt(child);
      if (items <= left) {
        head.add(child);
        left -= items;
      } else {
        Split<T> split = cut.cut(child, left);
        head.add(split.head());
        tail.add(split.tail());
        left = 0;
      }
    }
    return new Split<>(head, tail);
  }

  /** Cuts the leaves (spans, records, data points) of a list after {@code room} of them. */
  static <T> Split<List<T>> splitLeaves(List<T> leaves, int room) {
    return new Split<>(leaves.subList(0, room), leaves.subList(room, leaves.size()));
  }

  /** Cuts one child in two; see {@link #split}. */
  @FunctionalInterface
  interface Cutter<T> {
    Split<T> cut(T child, int room);
  }
}
