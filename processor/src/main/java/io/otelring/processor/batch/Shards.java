package io.otelring.processor.batch;

import io.otelring.core.batching.PendingBatch;
import io.otelring.core.consumer.ClientMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The batchers of one processor: a single one, or with {@code metadata_keys} one per distinct
 * combination of the keys' values — an absent key and an empty value are different combinations, as
 * in Go. Up to {@code metadata_cardinality_limit} combinations are made over the processor's life
 * (zero: no limit) and none is ever dropped, as in Go. Used by the ring thread only, except {@link
 * #cardinality()}.
 */
final class Shards {

  /** One batcher: its pending data, the metadata its batches carry, and its timer's deadline. */
  static final class Shard {
    final PendingBatch<?> batch;
    final PendingAcks acks = new PendingAcks();
    final ClientMetadata metadata;
    long deadline;

    Shard(PendingBatch<?> batch, ClientMetadata metadata, long deadline) {
      this.batch = batch;
      this.metadata = metadata;
      this.deadline = deadline;
    }
  }

  private final List<String> keys;
  private final int limit;
  private final Function<ClientMetadata, Shard> newShard;
  private final Shard single;
  private final Map<List<List<String>>, Shard> byValues = new LinkedHashMap<>();
  private volatile int cardinality;

  /**
   * @param keys the configured metadata keys, in any case
   * @param limit the most combinations, zero for no limit
   * @param newShard makes a batcher whose batches carry the given metadata
   */
  Shards(List<String> keys, int limit, Function<ClientMetadata, Shard> newShard) {
    this.keys = keys.stream().map(key -> key.toLowerCase(Locale.ROOT)).sorted().toList();
    this.limit = limit;
    this.newShard = newShard;
    this.single = this.keys.isEmpty() ? newShard.apply(ClientMetadata.EMPTY) : null;
    this.cardinality = single == null ? 0 : 1;
  }

  /** The batcher for data with this metadata, or null when it would be one too many. */
  Shard shardFor(ClientMetadata metadata) {
    if (single != null) {
      return single;
    }
    List<List<String>> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(metadata.get(key));
    }
    Shard shard = byValues.get(values);
    if (shard == null) {
      if (limit != 0 && byValues.size() >= limit) {
        return null;
      }
      // Batches carry only the configured keys, so that downstream sees the tenant and no more.
      Map<String, List<String>> carried = new TreeMap<>();
      for (int i = 0; i < keys.size(); i++) {
        if (!values.get(i).isEmpty()) {
          carried.put(keys.get(i), values.get(i));
        }
      }
      shard = newShard.apply(ClientMetadata.of(carried));
      byValues.put(values, shard);
      cardinality = byValues.size();
    }
    return shard;
  }

  Collection<Shard> all() {
    return single != null ? List.of(single) : byValues.values();
  }

  /** The number of batchers; safe to read from any thread. */
  int cardinality() {
    return cardinality;
  }
}
