/**
 * OTLP/JSON: the JSON encoding of OTLP messages exactly as the OTLP specification defines it —
 * trace and span ids as hex strings, lowerCamelCase keys (the proto's snake_case names are read
 * too), enums as integers, 64-bit integers as decimal strings, {@code bytes} as base64 — which
 * protobuf's stock {@code JsonFormat} does not produce. Used by the OTLP/HTTP receiver and by
 * anything that sends OTLP/JSON.
 */
package io.otelring.core.otlpjson;
