package io.otelring.exporter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forwarding HTTP proxy on 127.0.0.1 with plain sockets: a request in absolute form ({@code
 * POST http://host:port/path HTTP/1.1}) is sent on in origin form on a new connection, and {@code
 * CONNECT host:port} opens a tunnel. Every target host is reached at 127.0.0.1 — names need not
 * resolve — so a request that arrives at a backend under a made-up name came through here. Records
 * every request line.
 */
public final class ForwardingProxy implements AutoCloseable {

  public final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private ForwardingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptAll);
  }

  public static ForwardingProxy start() throws IOException {
    return new ForwardingProxy();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head;
      while ((head = readHead(in)) != null) {
        String[] lines = head.split("\r\n");
        requestLines.add(lines[0]);
        String[] request = lines[0].split(" ");
        if (request[0].equals("CONNECT")) {
          tunnel(client, request[1]);
          return;
        }
        forward(request, lines, in, out);
      }
    } catch (IOException e) {
      // the client or the target went away
    }
  }

  /** Sends one request on to its target with {@code Connection: close} and relays the answer. */
  private void forward(String[] request, String[] lines, InputStream in, OutputStream out)
      throws IOException {
    URI target = URI.create(request[1]);
    StringBuilder head = new StringBuilder();
    head.append(request[0]).append(' ').append(target.getRawPath()).append(' ');
    head.append(request[2]).append("\r\n");
    int length = 0;
    for (int i = 1; i < lines.length; i++) {
      String name = lines[i].substring(0, lines[i].indexOf(':')).toLowerCase(Locale.ROOT);
      if (name.equals("content-length")) {
        length = Integer.parseInt(lines[i].substring(lines[i].indexOf(':') + 1).strip());
      }
      if (!name.equals("connection") && !name.equals("proxy-connection")) {
        head.append(lines[i]).append("\r\n");
      }
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket upstream = connect(target.getPort())) {
      OutputStream up = upstream.getOutputStream();
      up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      up.write(in.readNBytes(length));
      up.flush();
      // The target closes after its answer, so all of it is the answer.
      out.write(upstream.getInputStream().readAllBytes());
      out.flush();
    }
  }

  private void tunnel(Socket client, String authority) throws IOException {
    int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    try (Socket upstream = connect(port)) {
      client
          .getOutputStream()
          .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      threads.execute(() -> pipe(upstream, client));
      pipe(client, upstream);
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  private Socket connect(int port) throws IOException {
    Socket upstream = new Socket();
    sockets.add(upstream);
    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    return upstream;
  }

  /** The request line and headers, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    if (matched < 4) {
      return null;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
