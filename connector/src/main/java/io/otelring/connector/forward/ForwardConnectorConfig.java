package io.otelring.connector.forward;

import io.otelring.core.component.ComponentConfig;

/** The {@code forward} connector has no settings; any key is an error. */
public record ForwardConnectorConfig() implements ComponentConfig {}
