package io.otelring.processor.resource;

import io.otelring.core.component.ComponentConfig;
import io.otelring.processor.attraction.ActionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code resource} processor's settings, with the Go collector's key.
 *
 * @param attributes the actions on resource attributes, applied in order
 */
public record ResourceProcessorConfig(List<ActionConfig> attributes) implements ComponentConfig {

  public ResourceProcessorConfig {
    attributes =
        attributes == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new ArrayList<>(attributes));
  }

  @Override
  public List<String> validate() {
    return ActionConfig.validate("attributes", attributes);
  }
}
