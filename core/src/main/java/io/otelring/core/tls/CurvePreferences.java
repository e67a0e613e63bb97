package io.otelring.core.tls;

import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * {@code curve_preferences} as Go applies them: the key exchange groups a handshake may use, in
 * order of preference, by Go's names. The JDK takes them per connection from Java 20 on ({@code
 * SSLParameters.setNamedGroups}); on an older JVM the setting is accepted and reported as not
 * applied, since the only other way, the {@code jdk.tls.namedGroups} property, would apply one list
 * to every TLS connection of the process.
 */
public final class CurvePreferences {

  /** Go's names for the curves {@code configtls} accepts, and the JDK's for the same groups. */
  private static final Map<String, String> JAVA_NAMES = new LinkedHashMap<>();

  static {
    JAVA_NAMES.put("P256", "secp256r1");
    JAVA_NAMES.put("P384", "secp384r1");
    JAVA_NAMES.put("P521", "secp521r1");
    JAVA_NAMES.put("X25519", "x25519");
    JAVA_NAMES.put("X25519MLKEM768", "X25519MLKEM768");
  }

  private static final Method SET_NAMED_GROUPS = setNamedGroups();

  private CurvePreferences() {}

  /** Whether this JVM can apply a list to one connection's handshake. */
  public static boolean applicable() {
    return SET_NAMED_GROUPS != null;
  }

  /** Adds a problem, with Go's wording, for each name Go does not accept. */
  public static void validate(String path, List<String> curves, List<String> problems) {
    for (String curve : curves) {
      if (!JAVA_NAMES.containsKey(curve)) {
        problems.add(
            path
                + "::curve_preferences: invalid curve type: "
                + curve
                + ". Expected values are "
                + JAVA_NAMES.keySet());
      }
    }
  }

  /** Limits a handshake's groups to {@code curves}, when there are any and the JVM can. */
  public static void apply(SSLParameters parameters, List<String> curves) {
    if (curves.isEmpty() || SET_NAMED_GROUPS == null) {
      return;
    }
    String[] groups = curves.stream().map(JAVA_NAMES::get).toArray(String[]::new);
    try {
      SET_NAMED_GROUPS.invoke(parameters, (Object) groups);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot set the TLS named groups " + curves, e);
    }
  }

  /**
   * {@code context}, with every engine it makes limited to {@code curves}; the context itself when
   * there is nothing to apply.
   */
  public static SslContext onEachEngine(SslContext context, List<String> curves) {
    if (curves.isEmpty() || SET_NAMED_GROUPS == null) {
      return context;
    }
    return new DelegatingSslContext(context) {
      @Override
      protected void initEngine(SSLEngine engine) {
        SSLParameters parameters = engine.getSSLParameters();
        apply(parameters, curves);
        engine.setSSLParameters(parameters);
      }
    };
  }

  private static Method setNamedGroups() {
    try {
      return SSLParameters.class.getMethod("setNamedGroups", String[].class);
    } catch (NoSuchMethodException beforeJava20) {
      return null;
    }
  }
}
