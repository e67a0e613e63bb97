package io.otelring.receiver.nop;

import io.otelring.core.component.ComponentConfig;

/** The {@code nop} receiver has no settings; any key is an error. */
public record NopReceiverConfig() implements ComponentConfig {}
