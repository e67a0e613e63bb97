/**
 * The component API: factories, configs, the component kinds and their lifecycle. Together with
 * {@link io.otelring.core.consumer} it is what plugins compile against; its version and
 * compatibility rule are in {@link io.otelring.core.component.PluginApi}.
 */
package io.otelring.core.component;
