/**
 * The {@code nop} receiver of the Go collector's core distribution: takes nothing in, so that a
 * pipeline fed only by other means, or kept for later, is still a valid pipeline.
 */
package io.otelring.receiver.nop;
