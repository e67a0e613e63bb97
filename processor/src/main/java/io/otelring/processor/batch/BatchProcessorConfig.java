package io.otelring.processor.batch;

import io.otelring.core.component.ComponentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code batch} processor's settings, with the Go collector's names and defaults.
 *
 * @param timeout how long buffered data may wait for more before it is sent; zero sends at once
 * @param sendBatchSize the item count that triggers a send; zero sends at once
 * @param sendBatchMaxSize the most items one sent request may hold; zero means no cap
 * @param metadataKeys client metadata keys (case-insensitive) that each get their own batch per
 *     distinct combination of values
 * @param metadataCardinalityLimit the most distinct combinations of metadata values; zero means no
 *     limit
 */
public record BatchProcessorConfig(
    Duration timeout,
    int sendBatchSize,
    int sendBatchMaxSize,
    List<String> metadataKeys,
    int metadataCardinalityLimit)
    implements ComponentConfig {

  public BatchProcessorConfig {
    metadataKeys = metadataKeys == null ? List.of() : List.copyOf(metadataKeys);
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (timeout == null) {
      problems.add("timeout: must not be empty");
    } else if (timeout.isNegative()) {
      problems.add("timeout: must be greater or equal to 0");
    }
    // Go reads the three sizes as uint32, so a negative number fails there while parsing.
    if (sendBatchSize < 0) {
      problems.add("send_batch_size: must be greater or equal to 0");
    }
    if (sendBatchMaxSize < 0) {
      problems.add("send_batch_max_size: must be greater or equal to 0");
    } else if (sendBatchMaxSize > 0 && sendBatchMaxSize < sendBatchSize) {
      problems.add("send_batch_max_size: must be greater or equal to send_batch_size");
    }
    Set<String> seen = new HashSet<>();
    for (String key : metadataKeys) {
      String folded = key.toLowerCase(Locale.ROOT);
      if (!seen.add(folded)) {
        problems.add("metadata_keys: duplicate entry \"" + folded + "\" (case-insensitive)");
      }
    }
    if (metadataCardinalityLimit < 0) {
      problems.add("metadata_cardinality_limit: must be greater or equal to 0");
    }
    return problems;
  }
}
