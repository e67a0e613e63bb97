/**
 * The {@code basicauth} extension, as the Go collector-contrib's: with {@code htpasswd} a
 * receiver's {@code auth} lets through HTTP Basic credentials that an Apache htpasswd file accepts;
 * with {@code client_auth} an exporter's {@code auth} sends a user name and password.
 */
package io.otelring.collector.extension.basicauth;
