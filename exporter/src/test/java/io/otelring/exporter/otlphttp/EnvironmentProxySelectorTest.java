package io.otelring.exporter.otlphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's httpproxy rules: which variable applies to which target, and what NO_PROXY excludes. */
class EnvironmentProxySelectorTest {

  private static String proxyFor(String noProxy, String url) {
    Map<String, String> environment = new HashMap<>();
    environment.put("HTTP_PROXY", "http-proxy:3128");
    environment.put("HTTPS_PROXY", "http://https-proxy:8080");
    environment.put("NO_PROXY", noProxy);
    InetSocketAddress proxy = new EnvironmentProxySelector(environment).proxyFor(URI.create(url));
    return proxy == null ? "DIRECT" : proxy.getHostString() + ":" + proxy.getPort();
  }

  @ParameterizedTest(name = "NO_PROXY=''{0}'' {1} -> {2}")
  @CsvSource({
    "'', http://backend:4318/v1/traces, http-proxy:3128",
    "'', https://backend/v1/traces, https-proxy:8080",
    "'', http://localhost:4318, DIRECT",
    "'', http://127.0.0.1:4318, DIRECT",
    "'', 'http://[::1]:4318', DIRECT",
    "*, http://backend:4318, DIRECT",
    "'other, backend', http://backend:4318, DIRECT",
    "backend, http://a.backend:4318, DIRECT",
    "example.com, http://notexample.com, http-proxy:3128",
    ".example.com, http://example.com, http-proxy:3128",
    ".example.com, http://api.example.com, DIRECT",
    "*.example.com, http://api.example.com, DIRECT",
    "*.example.com, http://example.com, http-proxy:3128",
    "EXAMPLE.com, http://API.example.com, DIRECT",
    "backend:4318, http://backend:4318, DIRECT",
    "backend:4318, http://backend:4317, http-proxy:3128",
    "backend:443, https://backend, DIRECT",
    "10.1.2.3, http://10.1.2.3:4318, DIRECT",
    "10.1.2.3:80, http://10.1.2.3, DIRECT",
    "10.1.2.3:80, http://10.1.2.3:4318, http-proxy:3128",
    "10.0.0.0/8, http://10.200.0.1:4318, DIRECT",
    "10.0.0.0/8, http://11.0.0.1:4318, http-proxy:3128",
    "10.0.0.0/8, http://ten.example:4318, http-proxy:3128",
    "'fd00::/8', 'http://[fd00::1]:4318', DIRECT",
    "'[2001:db8::1]:4318', 'http://[2001:db8::1]:4318', DIRECT",
    "2001:db8::1, 'http://[2001:db8::1]:4318', DIRECT",
  })
  void goRulesDecide(String noProxy, String url, String expected) {
    assertThat(proxyFor(noProxy, url)).isEqualTo(expected);
  }

  @Test
  void upperCaseWinsAndLowerCaseIsTheFallback() {
    EnvironmentProxySelector selector =
        new EnvironmentProxySelector(
            Map.of("HTTP_PROXY", "http://upper:1", "http_proxy", "http://lower:2"));
    assertThat(selector.proxyFor(URI.create("http://b:4318")).getHostString()).isEqualTo("upper");
    assertThat(
            new EnvironmentProxySelector(Map.of("https_proxy", "lower:2"))
                .proxyFor(URI.create("https://b"))
                .getPort())
        .isEqualTo(2);
  }

  @Test
  void httpProxyIsIgnoredInACgiProcessAsGoDoes() {
    EnvironmentProxySelector selector =
        new EnvironmentProxySelector(Map.of("HTTP_PROXY", "p:1", "REQUEST_METHOD", "GET"));
    assertThat(selector.isEmpty()).isTrue();
  }

  @Test
  void withoutVariablesNothingIsProxied() {
    EnvironmentProxySelector selector = new EnvironmentProxySelector(Map.of("NO_PROXY", "x"));
    assertThat(selector.isEmpty()).isTrue();
    assertThat(selector.select(URI.create("http://b:4318"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void theSelectorNamesAnHttpProxy() {
    assertThat(
            new EnvironmentProxySelector(Map.of("HTTPS_PROXY", "http://p:3128"))
                .select(URI.create("https://b")))
        .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("p", 3128)));
  }
}
