/**
 * The {@code headers_setter} extension, as the Go collector-contrib's: an exporter's {@code auth}
 * sets, replaces or removes request headers, from fixed values or from the client metadata the data
 * carries — the way a multi-tenant Tempo gets each tenant's {@code X-Scope-OrgID}.
 */
package io.otelring.collector.extension.headerssetter;
