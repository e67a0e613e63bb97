/**
 * The {@code file_storage} extension: a directory where persistent sending queues keep their
 * batches, as append-only segment files with checksummed records, written in groups and synced
 * before the batches are acknowledged.
 */
package io.otelring.exporter.filestorage;
