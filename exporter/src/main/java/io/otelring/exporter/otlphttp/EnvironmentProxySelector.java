package io.otelring.exporter.otlphttp;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Go's {@code ProxyFromEnvironment} (golang.org/x/net/http/httpproxy), which Go's HTTP clients use
 * when no {@code proxy_url} is set: {@code HTTPS_PROXY} for https targets, {@code HTTP_PROXY} for
 * http targets (upper case first, then lower case), a value without scheme meaning {@code http://};
 * never for {@code localhost} or a loopback address; not for targets that {@code NO_PROXY} lists —
 * {@code *}, IP addresses, CIDR ranges, and domains ({@code foo.com} matches it and its subdomains,
 * {@code .foo.com} and {@code *.foo.com} subdomains only), each with an optional port. Like Go, it
 * ignores {@code HTTP_PROXY} in a CGI process ({@code REQUEST_METHOD} set).
 */
final class EnvironmentProxySelector extends ProxySelector {

  private final String httpProxy;
  private final String httpsProxy;
  private final List<BiPredicate<String, Integer>> noProxy = new ArrayList<>();
  private boolean noProxyAtAll;

  EnvironmentProxySelector(Map<String, String> environment) {
    String http = variable(environment, "HTTP_PROXY");
    this.httpProxy = variable(environment, "REQUEST_METHOD").isEmpty() ? http : "";
    this.httpsProxy = variable(environment, "HTTPS_PROXY");
    for (String entry : variable(environment, "NO_PROXY").split(",")) {
      addNoProxy(entry.strip().toLowerCase(Locale.ROOT));
    }
  }

  /** Whether no proxy variable is set, so that nothing is ever proxied. */
  boolean isEmpty() {
    return httpProxy.isEmpty() && httpsProxy.isEmpty();
  }

  @Override
  public List<Proxy> select(URI uri) {
    InetSocketAddress proxy = proxyFor(uri);
    return List.of(proxy == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, proxy));
  }

  /**
   * The proxy a request to {@code uri} goes through, or null for a direct connection.
   *
   * @throws IllegalArgumentException naming the variable whose proxy otelring cannot use
   */
  InetSocketAddress proxyFor(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    String value = https ? httpsProxy : httpProxy;
    if (value.isEmpty() || !useProxy(uri, https)) {
      return null;
    }
    try {
      return HttpProxy.address(value.contains("://") ? value : "http://" + value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (https ? "HTTPS_PROXY" : "HTTP_PROXY") + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // One proxy per scheme: there is no other to fall back on.
  }

  private boolean useProxy(URI uri, boolean https) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    if (host.equals("localhost")
        || InetAddresses.isInetAddress(host) && InetAddresses.forString(host).isLoopbackAddress()) {
      return false;
    }
    if (noProxyAtAll) {
      return false;
    }
    for (BiPredicate<String, Integer> excluded : noProxy) {
      if (excluded.test(host, port)) {
        return false;
      }
    }
    return true;
  }

  private void addNoProxy(String entry) {
    if (entry.isEmpty()) {
      return;
    }
    if (entry.equals("*")) {
      noProxyAtAll = true;
      return;
    }
    int slash = entry.indexOf('/');
    if (slash > 0 && InetAddresses.isInetAddress(entry.substring(0, slash))) {
      addCidr(entry.substring(0, slash), entry.substring(slash + 1));
      return;
    }
    String host = entry;
    Integer port = null;
    int colon = entry.lastIndexOf(':');
    // host:port or [v6]:port, as Go's SplitHostPort takes them; a bare IPv6 address has no port.
    if (colon > 0 && (entry.indexOf(':') == colon || entry.lastIndexOf(']') == colon - 1)) {
      host = entry.substring(0, colon);
      port = parsePort(entry.substring(colon + 1));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      return; // malformed; Go ignores it
    }
    Integer wanted = port;
    if (InetAddresses.isInetAddress(host)) {
      InetAddress ip = InetAddresses.forString(host);
      noProxy.add((h, p) -> samePort(wanted, p) && isAddress(h, ip));
      return;
    }
    String domain = host.startsWith("*.") ? host.substring(1) : host;
    boolean alsoItself = !domain.startsWith(".");
    String suffix = alsoItself ? "." + domain : domain;
    noProxy.add(
        (h, p) ->
            samePort(wanted, p)
                && (h.endsWith(suffix) || alsoItself && h.equals(suffix.substring(1))));
  }

  private void addCidr(String address, String bits) {
    int prefix;
    try {
      prefix = Integer.parseInt(bits);
    } catch (NumberFormatException e) {
      return;
    }
    byte[] network = InetAddresses.forString(address).getAddress();
    if (prefix < 0 || prefix > network.length * 8) {
      return;
    }
    BigInteger mask = prefixMask(prefix, network.length);
    BigInteger masked = new BigInteger(1, network).and(mask);
    noProxy.add(
        (h, p) -> {
          if (!InetAddresses.isInetAddress(h)) {
            return false;
          }
          byte[] ip = InetAddresses.forString(h).getAddress();
          return ip.length == network.length && new BigInteger(1, ip).and(mask).equals(masked);
        });
  }

  private static BigInteger prefixMask(int prefix, int bytes) {
    BigInteger all = BigInteger.ONE.shiftLeft(bytes * 8).subtract(BigInteger.ONE);
    return all.shiftRight(prefix).xor(all);
  }

  private static boolean isAddress(String host, InetAddress ip) {
    return InetAddresses.isInetAddress(host) && InetAddresses.forString(host).equals(ip);
  }

  private static boolean samePort(Integer wanted, int port) {
    return wanted == null || wanted == port;
  }

  private static Integer parsePort(String port) {
    if (port.isEmpty()) {
      return null; // any port
    }
    try {
      return Integer.valueOf(port);
    } catch (NumberFormatException e) {
      return -1; // matches no port, as Go's string comparison would not
    }
  }

  /** Go's {@code getEnvAny(NAME, name)}: the upper-case variable unless empty, then lower case. */
  private static String variable(Map<String, String> environment, String name) {
    String upper = environment.getOrDefault(name, "");
    return upper.isEmpty() ? environment.getOrDefault(name.toLowerCase(Locale.ROOT), "") : upper;
  }
}
