/**
 * The {@code zpages} extension: the Go collector's {@code /debug/servicez}, {@code
 * /debug/pipelinez}, {@code /debug/extensionz} and {@code /debug/featurez} pages. {@code
 * /debug/tracez} and {@code /debug/rpcz} show the collector's own spans in Go; otelring records
 * none, so they answer 404 saying so.
 */
package io.otelring.collector.extension.zpages;
