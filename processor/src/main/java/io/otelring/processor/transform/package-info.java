/**
 * The {@code transform} processor: sets span, log and metric data point attributes from CEL
 * expressions ({@code fields.add}), removes attributes ({@code fields.remove}) and renames spans
 * ({@code span.name}), for the items a CEL {@code where} accepts — the vocabulary of the AI
 * gateway's attribute enrichment, moved into the collector. Expressions are compiled once at start;
 * plain attribute references and literals are served without the interpreter.
 */
package io.otelring.processor.transform;
