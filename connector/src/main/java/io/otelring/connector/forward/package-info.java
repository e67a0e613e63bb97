/**
 * The {@code forward} connector of the Go collector's core distribution: what one pipeline exports
 * to it, the pipelines of the same signal that receive from it get, unchanged — to fan a pipeline
 * out to several with different processors, or several into one.
 */
package io.otelring.connector.forward;
