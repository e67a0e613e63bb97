/**
 * The backend-outage benchmark (issue 4): the collector's persistent queue between a client that
 * retries and a backend that is down for a while.
 */
package io.otelring.bench.outage;
