package io.otelring.exporter.otlphttp;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy of the otlphttp exporter's client, as Go's {@code confighttp} picks it: {@code
 * proxy_url} when it is set, otherwise {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY}
 * from the environment ({@link EnvironmentProxySelector}), otherwise the JVM's own proxy settings
 * ({@code -Dhttps.proxyHost} …), which are off unless given. The JDK's client speaks to plain HTTP
 * proxies only — an {@code https} target goes through a {@code CONNECT} tunnel — so {@code
 * https://} and {@code socks5://} proxies, which Go also takes, are refused, and so are credentials
 * in the URL, which the JDK will not send for a tunnel.
 */
final class HttpProxy {

  private HttpProxy() {}

  /**
   * The selector for the client, or empty to keep the JDK's default.
   *
   * @param environment the process environment, where the proxy variables are looked up
   * @throws IllegalArgumentException when a proxy that applies cannot be used, saying why
   */
  static Optional<ProxySelector> selector(String proxyUrl, Map<String, String> environment) {
    if (!proxyUrl.isEmpty()) {
      return Optional.of(ProxySelector.of(address(proxyUrl)));
    }
    EnvironmentProxySelector fromEnvironment = new EnvironmentProxySelector(environment);
    return fromEnvironment.isEmpty() ? Optional.empty() : Optional.of(fromEnvironment);
  }

  /**
   * The address of the HTTP proxy a URL names; port 80 when it names none, as Go's default for
   * {@code http}.
   *
   * @throws IllegalArgumentException saying what is wrong with the URL
   */
  static InetSocketAddress address(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || scheme.startsWith("socks")) {
      throw new IllegalArgumentException(
          scheme + ":// proxies are not supported by otelring; use an http:// proxy");
    }
    if (!scheme.equals("http") || uri.getHost() == null) {
      // The URL is not repeated when it may hold a password.
      throw new IllegalArgumentException(
          "must be the http:// URL of a proxy, such as http://proxy:3128"
              + (url.contains("@") ? "" : ", got \"" + url + "\""));
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "credentials in the proxy URL are not supported by otelring");
    }
    String host = uri.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    // Unresolved: the client looks the name up when it connects, and again after a failure.
    return InetSocketAddress.createUnresolved(host, uri.getPort() < 0 ? 80 : uri.getPort());
  }
}
