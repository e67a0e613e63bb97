/** TLS material read from files and kept fresh while servers and clients run. */
package io.otelring.core.tls;
