/**
 * Log lines as the Go collector's zap writes them (console and JSON), for the collector's own log
 * and the debug exporter.
 */
package io.otelring.core.zap;
