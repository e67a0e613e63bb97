package io.otelring.core.component;

/**
 * The version of otelring's component API — the types in {@code io.otelring.core.component} and
 * {@code io.otelring.core.consumer} that plugins compile against. A plugin jar names the version it
 * was built against in its manifest ({@value #MANIFEST_ATTRIBUTE}).
 *
 * <p>Compatibility rule: within a major version, a minor version only adds (new types, new default
 * methods, new optional settings); a plugin built against {@code 1.m} runs on any {@code 1.n} with
 * {@code n ≥ m}. Removing or changing the meaning of anything a plugin can call raises the major
 * version, and plugins of another major version are refused at startup.
 */
public final class PluginApi {

  /** This build's API version, {@code major.minor}. */
  public static final String VERSION = "1.2";

  /** The manifest attribute in which a plugin jar names the API version it was built against. */
  public static final String MANIFEST_ATTRIBUTE = "Otelring-Api-Version";

  private PluginApi() {}

  /** True when a plugin built against {@code pluginVersion} can run on this build. */
  public static boolean accepts(String pluginVersion) {
    int[] host = parse(VERSION);
    int[] plugin = parse(pluginVersion);
    return plugin != null && plugin[0] == host[0] && plugin[1] <= host[1];
  }

  private static int[] parse(String version) {
    if (version == null) {
      return null;
    }
    String[] parts = version.trim().split("\\.");
    try {
      return new int[] {
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
