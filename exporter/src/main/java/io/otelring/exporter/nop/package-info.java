/**
 * The {@code nop} exporter of the Go collector's core distribution: accepts everything and sends it
 * nowhere.
 */
package io.otelring.exporter.nop;
