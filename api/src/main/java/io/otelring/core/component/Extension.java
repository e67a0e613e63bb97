package io.otelring.core.component;

/** A component outside the pipelines, such as {@code health_check}. */
public interface Extension extends Lifecycle {}
