package io.otelring.collector.extension.zpages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.otelring.collector.Version;
import io.otelring.collector.extension.ExtensionServer;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Extension;
import io.otelring.core.component.Host;
import io.otelring.core.component.PipelineSummary;
import io.otelring.core.config.GoDuration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Serves the pages; each is built from the host when asked, so it shows the running collector. */
final class ZPagesExtension implements Extension {

  private static final String NOT_RECORDED =
      "otelring does not record spans of its own, so there is nothing to show here.\n";

  private final ComponentSettings settings;
  private final ZPagesConfig config;
  private final Host host;
  private HttpServer server;
  private Instant started;

  ZPagesExtension(ComponentSettings settings, ZPagesConfig config, Host host) {
    this.settings = settings;
    this.config = config;
    this.host = host;
  }

  @Override
  public synchronized void start() throws IOException {
    started = Instant.now();
    server =
        ExtensionServer.start(
            config.endpoint(),
            "zpages",
            Map.of(
                "/debug/servicez", exchange -> html(exchange, servicez()),
                "/debug/pipelinez", exchange -> html(exchange, pipelinez()),
                "/debug/extensionz", exchange -> html(exchange, extensionz()),
                "/debug/featurez", exchange -> html(exchange, featurez()),
                "/debug/tracez", this::notRecorded,
                "/debug/rpcz", this::notRecorded));
    settings.logger().info("{}: Starting zpages extension on {}", settings.id(), config.endpoint());
  }

  private String servicez() {
    Duration uptime = Duration.between(started, Instant.now()).withNanos(0);
    return page(
        "service",
        table(
                List.of("Property", "Value"),
                List.of(
                    List.of("Command", "otelring"),
                    List.of("Version", Version.get()),
                    List.of("Java", Runtime.version().toString()),
                    List.of("Start time", started.toString()),
                    List.of("Uptime", GoDuration.format(uptime))))
            + "<p><a href=\"pipelinez\">pipelines</a> · <a href=\"extensionz\">extensions</a> ·"
            + " <a href=\"featurez\">features</a></p>\n");
  }

  private String pipelinez() {
    List<List<String>> rows =
        host.pipelines().stream()
            .sorted(Comparator.comparing(PipelineSummary::id))
            .map(
                p ->
                    List.of(
                        p.id(),
                        p.signal().configName(),
                        String.join("<br>", escape(p.receivers())),
                        "&rarr; " + String.join(" &rarr; ", escape(p.processors())),
                        String.join("<br>", escape(p.exporters()))))
            .toList();
    return page(
        "builtPipelines",
        tableOfHtml(
            List.of("FullName", "InputType", "Receivers", "Processors", "Exporters"), rows));
  }

  private String extensionz() {
    List<List<String>> rows = host.extensions().stream().map(id -> List.of(id.toString())).toList();
    return page("Extensions", table(List.of("FullName"), rows));
  }

  /** otelring has no feature gates: the table is empty, as Go's is with none registered. */
  private String featurez() {
    return page("Feature Gates", table(List.of("ID", "Enabled", "Description"), List.of()));
  }

  private void notRecorded(HttpExchange exchange) throws IOException {
    send(exchange, 404, "text/plain; charset=utf-8", NOT_RECORDED);
  }

  private static void html(HttpExchange exchange, String page) throws IOException {
    send(exchange, 200, "text/html; charset=utf-8", page);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html><head><title>"
        + escape(title)
        + "</title></head><body><h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "</body></html>\n";
  }

  private static String table(List<String> header, List<List<String>> rows) {
    return tableOfHtml(
        header,
        rows.stream().map(row -> row.stream().map(ZPagesExtension::escape).toList()).toList());
  }

  /** A table whose cells are HTML already. */
  private static String tableOfHtml(List<String> header, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table style=\"border-spacing: 0\">\n<tr>");
    header.forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
    html.append("</tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      html.append(i % 2 == 0 ? "<tr style=\"background: #eee\">" : "<tr>");
      rows.get(i).forEach(cell -> html.append("<td>").append(cell).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static List<String> escape(List<String> texts) {
    return texts.stream().map(ZPagesExtension::escape).toList();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    ExtensionServer.stop(server);
    server = null;
  }
}
