package io.otelring.receiver.otlp;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.otelring.receiver.otlp.HttpServerConfig.CorsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code cors}: answers browsers' preflight requests and marks answers to allowed origins, as the
 * Go collector does with rs/cors (credentials allowed, methods GET, POST and HEAD, the origin
 * echoed back). An origin pattern may hold one {@code *} ({@code https://*.example.com}), and
 * {@code *} alone allows every origin. Without {@code allowed_origins} there is no CORS at all.
 */
final class CorsPolicy {

  private static final List<String> DEFAULT_HEADERS =
      List.of("accept", "content-type", "x-requested-with");
  private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS");
  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final boolean anyOrigin;
  private final List<String> exactOrigins = new ArrayList<>();
  private final List<String[]> wildcardOrigins = new ArrayList<>();
  private final boolean anyHeader;
  private final Set<String> headers;
  private final int maxAge;

  private CorsPolicy(CorsConfig config) {
    boolean all = false;
    for (String origin : config.allowedOrigins()) {
      String lower = origin.toLowerCase(Locale.ROOT);
      int star = lower.indexOf('*');
      if (lower.equals("*")) {
        all = true;
      } else if (star >= 0) {
        wildcardOrigins.add(new String[] {lower.substring(0, star), lower.substring(star + 1)});
      } else {
        exactOrigins.add(lower);
      }
    }
    anyOrigin = all;
    List<String> allowed =
        config.allowedHeaders().isEmpty()
            ? DEFAULT_HEADERS
            : config.allowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    anyHeader = allowed.contains("*");
    headers = Set.copyOf(allowed);
    maxAge = config.maxAge();
  }

  /** The policy of a {@code cors} section, or null when it allows no origin (CORS off). */
  static CorsPolicy of(CorsConfig config) {
    return config == null || config.allowedOrigins().isEmpty() ? null : new CorsPolicy(config);
  }

  static boolean isPreflight(HttpMethod method, HttpHeaders request) {
    String requested = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    return method.equals(HttpMethod.OPTIONS) && requested != null && !requested.isEmpty();
  }

  /** The headers of the answer (204) to a preflight request; none that allow when not allowed. */
  void answerPreflight(HttpHeaders request, HttpHeaders response) {
    response.add(HttpHeaderNames.VARY, PREFLIGHT_VARY);
    String origin = request.get(HttpHeaderNames.ORIGIN);
    if (origin == null || origin.isEmpty() || !isAllowed(origin)) {
      return;
    }
    String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (!METHODS.contains(method)) {
      return;
    }
    List<String> requestedHeaders = request.getAll(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (!requestedHeaders.isEmpty() && !anyHeader && !areAllowed(requestedHeaders)) {
      return;
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, method);
    if (!requestedHeaders.isEmpty() && !requestedHeaders.get(0).isEmpty()) {
      response.set(
          HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", requestedHeaders));
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    if (maxAge > 0) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, Integer.toString(maxAge));
    } else if (maxAge < 0) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "0");
    }
  }

  /** Adds the headers that let a browser read the answer to an allowed origin's request. */
  void markActual(HttpMethod method, HttpHeaders request, HttpHeaders response) {
    response.add(HttpHeaderNames.VARY, "Origin");
    String origin = request.get(HttpHeaderNames.ORIGIN);
    if (origin == null || origin.isEmpty() || !isAllowed(origin)) {
      return;
    }
    if (!METHODS.contains(method.name())) {
      return;
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin);
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
  }

  private boolean isAllowed(String origin) {
    if (anyOrigin) {
      return true;
    }
    String lower = origin.toLowerCase(Locale.ROOT);
    if (exactOrigins.contains(lower)) {
      return true;
    }
    for (String[] pattern : wildcardOrigins) {
      if (lower.length() >= pattern[0].length() + pattern[1].length()
          && lower.startsWith(pattern[0])
          && lower.endsWith(pattern[1])) {
        return true;
      }
    }
    return false;
  }

  private boolean areAllowed(List<String> requestedHeaders) {
    for (String list : requestedHeaders) {
      for (String name : list.split(",")) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty() && !headers.contains(trimmed)) {
          return false;
        }
      }
    }
    return true;
  }
}
