/**
 * The {@code auth} sections of servers and clients, as Go's {@code configauth}: the id of the
 * extension that authenticates, found among the collector's extensions when the component starts.
 */
package io.otelring.core.auth;
