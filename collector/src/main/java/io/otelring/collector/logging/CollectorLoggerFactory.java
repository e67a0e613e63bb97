package io.otelring.collector.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link CollectorLogger} per name. */
final class CollectorLoggerFactory implements ILoggerFactory {

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, CollectorLogger::new);
  }
}
