package io.otelring.core.component;

/** The kinds of component, named as the sections of the config file. */
public enum Kind {
  RECEIVER("receivers"),
  PROCESSOR("processors"),
  EXPORTER("exporters"),
  CONNECTOR("connectors"),
  EXTENSION("extensions");

  private final String section;

  Kind(String section) {
    this.section = section;
  }

  /** The top-level config key that holds components of this kind. */
  public String section() {
    return section;
  }

  /** Lower-case singular, as in log lines and metric tags ("receiver"). */
  public String singular() {
    return section.substring(0, section.length() - 1);
  }
}
