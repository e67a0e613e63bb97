package io.otelring.bench.loadgen;

/** Sends one encoded request and waits for the answer; safe to call from several workers. */
public interface Sender extends AutoCloseable {

  Reply send(byte[] body);

  @Override
  void close();
}
