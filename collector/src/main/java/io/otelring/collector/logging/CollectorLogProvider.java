package io.otelring.collector.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/** Registers the collector's log with SLF4J ({@code META-INF/services}). */
public final class CollectorLogProvider implements SLF4JServiceProvider {

  private ILoggerFactory loggers;
  private IMarkerFactory markers;
  private MDCAdapter mdc;

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    loggers = new CollectorLoggerFactory();
    markers = new BasicMarkerFactory();
    mdc = new NOPMDCAdapter();
  }
}
