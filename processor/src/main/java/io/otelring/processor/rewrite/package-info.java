/**
 * Copy-on-write edits of immutable OTLP requests: an edit returns the same instance for an item it
 * leaves alone, and only the resources, scopes and items that changed are rebuilt, so a processor
 * that changes nothing allocates nothing and hands on the request it got.
 */
package io.otelring.processor.rewrite;
