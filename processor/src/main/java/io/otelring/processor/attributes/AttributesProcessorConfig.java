package io.otelring.processor.attributes;

import io.otelring.core.component.ComponentConfig;
import io.otelring.processor.attraction.ActionConfig;
import io.otelring.processor.attraction.MatchProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code attributes} processor's settings, with the Go collector's keys.
 *
 * @param include the items to act on; all when absent
 * @param exclude the items not to act on, checked after {@code include}
 * @param actions the actions, applied in order
 */
public record AttributesProcessorConfig(
    MatchProperties include, MatchProperties exclude, List<ActionConfig> actions)
    implements ComponentConfig {

  public AttributesProcessorConfig {
    actions =
        actions == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new ArrayList<>(actions));
  }

  @Override
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (include != null) {
      problems.addAll(include.validate("include"));
    }
    if (exclude != null) {
      problems.addAll(exclude.validate("exclude"));
    }
    problems.addAll(ActionConfig.validate("actions", actions));
    return problems;
  }
}
