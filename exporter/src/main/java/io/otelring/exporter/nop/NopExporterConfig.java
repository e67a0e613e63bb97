package io.otelring.exporter.nop;

import io.otelring.core.component.ComponentConfig;

/** The {@code nop} exporter has no settings; any key is an error. */
public record NopExporterConfig() implements ComponentConfig {}
