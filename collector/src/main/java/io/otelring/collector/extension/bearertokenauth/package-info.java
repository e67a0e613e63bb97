/**
 * The {@code bearertokenauth} extension, as the Go collector-contrib's: a receiver's {@code auth}
 * lets through only requests that carry one of its tokens, and an exporter's {@code auth} sends the
 * first of them with every request.
 */
package io.otelring.collector.extension.bearertokenauth;
