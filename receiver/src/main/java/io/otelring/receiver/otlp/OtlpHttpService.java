package io.otelring.receiver.otlp;

import com.google.protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.otelring.core.component.ServerAuthenticator;
import io.otelring.core.config.GoDuration;
import io.otelring.core.consumer.ClientMetadata;
import io.otelring.core.consumer.Refusal;
import io.otelring.core.wire.MalformedWireException;
import io.otelring.core.wire.WireScanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the OTLP/HTTP server answers to a whole request, independent of HTTP/1.1 or HTTP/2: CORS
 * preflight, then the path (404), the method (405), the content type (415), the content encoding
 * (400) and size (413), the body (400), and finally what the pipeline says (200, 503 or 500). The
 * stage completes when the pipeline has taken the data; nothing here blocks.
 */
final class OtlpHttpService {

  private final Map<String, ExportIntake<?, ?>> routes;
  private final ContentDecoding decoding;
  private final CorsPolicy cors;
  private final Map<String, String> responseHeaders;
  private final boolean includeMetadata;
  private final ServerAuthenticator authenticator;
  private final List<String> authParams;

  /**
   * @param authenticator checks every request after a CORS preflight ({@code auth}), or null
   * @param authParams query parameters the authenticator sees as headers ({@code request_params})
   */
  OtlpHttpService(
      Map<String, ExportIntake<?, ?>> routes,
      ContentDecoding decoding,
      CorsPolicy cors,
      Map<String, String> responseHeaders,
      boolean includeMetadata,
      ServerAuthenticator authenticator,
      List<String> authParams) {
    this.routes = Map.copyOf(routes);
    this.decoding = decoding;
    this.cors = cors;
    this.responseHeaders = responseHeaders;
    this.includeMetadata = includeMetadata;
    this.authenticator = authenticator;
    this.authParams = List.copyOf(authParams);
  }

  /** The answer to a request whose body was read whole. The body is not kept after the call. */
  CompletionStage<HttpAnswer> answer(HttpRequest head, ByteBuf body) {
    HttpAnswer early = check(head);
    if (early != null) {
      return CompletableFuture.completedStage(early);
    }
    HttpEncoding encoding = HttpEncoding.of(head.headers().get(HttpHeaderNames.CONTENT_TYPE));
    ByteBuffer decoded;
    try {
      decoded =
          decoding.decode(head.headers().get(HttpHeaderNames.CONTENT_ENCODING), body.nioBuffer());
    } catch (ContentDecoding.TooLarge e) {
      return done(
          HttpAnswer.status(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, encoding, e.getMessage()));
    } catch (IOException e) {
      return done(HttpAnswer.status(HttpResponseStatus.BAD_REQUEST, encoding, e.getMessage()));
    }
    ExportIntake<?, ?> intake = routes.get(path(head));
    return export(intake, encoding, decoded, metadata(head.headers()));
  }

  /**
   * The answer to a request whose body is over the limit before it is read; null when the request
   * would be refused for another reason first, which is then the answer.
   */
  HttpAnswer answerTooLarge(HttpRequest head, long limit) {
    HttpAnswer early = check(head);
    if (early != null) {
      return early;
    }
    return HttpAnswer.status(
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        HttpEncoding.of(head.headers().get(HttpHeaderNames.CONTENT_TYPE)),
        new ContentDecoding.TooLarge(limit).getMessage());
  }

  /**
   * The answer to a request whose body did not arrive within {@code read_timeout}: 400, as Go's
   * receiver answers a body it failed to read.
   */
  HttpAnswer answerReadTimedOut(HttpRequest head, Duration timeout) {
    return HttpAnswer.status(
        HttpResponseStatus.BAD_REQUEST,
        HttpEncoding.of(head.headers().get(HttpHeaderNames.CONTENT_TYPE)),
        "reading the request timed out after " + GoDuration.format(timeout) + " (read_timeout)");
  }

  /** Adds {@code response_headers} and the CORS headers of an actual request to an answer. */
  void decorate(HttpRequest head, HttpHeaders response) {
    responseHeaders.forEach(response::set);
    if (cors != null && !CorsPolicy.isPreflight(head.method(), head.headers())) {
      cors.markActual(head.method(), head.headers(), response);
    }
  }

  /** The answer decided by the request line and headers alone, or null to read the body. */
  private HttpAnswer check(HttpRequest head) {
    if (cors != null && CorsPolicy.isPreflight(head.method(), head.headers())) {
      HttpAnswer preflight = HttpAnswer.of(HttpResponseStatus.NO_CONTENT, null, new byte[0]);
      cors.answerPreflight(head.headers(), preflight.headers());
      return preflight;
    }
    HttpAnswer unauthenticated = authenticate(head);
    if (unauthenticated != null) {
      return unauthenticated;
    }
    if (!routes.containsKey(path(head))) {
      return HttpAnswer.text(HttpResponseStatus.NOT_FOUND, "404 page not found\n");
    }
    if (!head.method().equals(HttpMethod.POST)) {
      return HttpAnswer.text(
              HttpResponseStatus.METHOD_NOT_ALLOWED, "405 method not allowed, supported: [POST]")
          .withHeader(HttpHeaderNames.ALLOW, "POST");
    }
    if (HttpEncoding.of(head.headers().get(HttpHeaderNames.CONTENT_TYPE)) == null) {
      return HttpAnswer.text(
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "415 unsupported media type, supported: " + HttpEncoding.SUPPORTED);
    }
    return null;
  }

  private static <Q extends Message, R extends Message> CompletionStage<HttpAnswer> export(
      ExportIntake<Q, R> intake, HttpEncoding encoding, ByteBuffer body, ClientMetadata metadata) {
    if (encoding == HttpEncoding.PROTOBUF) {
      // The fast path, as on gRPC: checked and counted on the wire, handed on unparsed — unless
      // items with impossible ids must be screened out, which needs the parsed request.
      byte[] bytes = new byte[body.remaining()];
      body.duplicate().get(bytes);
      try {
        WireScanner.Result scan = WireScanner.scan(intake.signal().signal(), bytes);
        if (!scan.badIds()) {
          return answer(intake.exportWire(bytes, scan.items(), metadata), encoding);
        }
      } catch (MalformedWireException e) {
        return done(notParsable(intake, encoding, e));
      }
    }
    Q request;
    try {
      request = encoding.parse(intake.signal(), body);
    } catch (IOException e) {
      return done(notParsable(intake, encoding, e));
    }
    return answer(intake.export(request, metadata), encoding);
  }

  private static <R extends Message> CompletionStage<HttpAnswer> answer(
      CompletionStage<R> exported, HttpEncoding encoding) {
    return exported.handle(
        (response, failure) ->
            failure == null
                ? HttpAnswer.message(encoding, response)
                : HttpAnswer.refusal(encoding, Refusal.of(failure)));
  }

  private static HttpAnswer notParsable(
      ExportIntake<?, ?> intake, HttpEncoding encoding, Exception reason) {
    return HttpAnswer.status(
        HttpResponseStatus.BAD_REQUEST,
        encoding,
        "the body is not a valid "
            + intake.signal().requestTypeName()
            + ": "
            + reason.getMessage());
  }

  /**
   * 401 when the authenticator refuses the request, with a {@code google.rpc.Status} in the
   * request's encoding (text when that is none OTLP knows), as Go's OTLP receiver answers; null
   * when it may pass. As in Go, this comes before the path, method and body are looked at.
   */
  private HttpAnswer authenticate(HttpRequest head) {
    if (authenticator == null) {
      return null;
    }
    Map<String, List<String>> seen = new LinkedHashMap<>(headerValues(head.headers()));
    if (!authParams.isEmpty()) {
      Map<String, List<String>> query = new QueryStringDecoder(head.uri()).parameters();
      for (String param : authParams) {
        List<String> values = query.get(param);
        if (values != null) {
          seen.put(param.toLowerCase(Locale.ROOT), values); // the query wins, as in Go
        }
      }
    }
    try {
      authenticator.authenticate(ClientMetadata.of(seen));
      return null;
    } catch (ServerAuthenticator.AuthenticationException e) {
      HttpEncoding encoding = HttpEncoding.of(head.headers().get(HttpHeaderNames.CONTENT_TYPE));
      return encoding == null
          ? HttpAnswer.text(HttpResponseStatus.UNAUTHORIZED, e.getMessage())
          : HttpAnswer.status(HttpResponseStatus.UNAUTHORIZED, encoding, e.getMessage());
    }
  }

  /**
   * {@code include_metadata}: every header the client sent, and the host as {@code :authority}, as
   * Go's {@code client.Info} has them.
   */
  private ClientMetadata metadata(HttpHeaders headers) {
    if (!includeMetadata) {
      return ClientMetadata.EMPTY;
    }
    Map<String, List<String>> values = headerValues(headers);
    List<String> host = values.get("host");
    if (host != null && !values.containsKey(":authority")) {
      values.put(":authority", host);
    }
    return ClientMetadata.of(values);
  }

  /** The headers the client sent, by lower-case name. */
  private static Map<String, List<String>> headerValues(HttpHeaders headers) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      // Netty's HTTP/2-to-HTTP/1 conversion adds its own x-http2-* headers; the client sent none.
      if (!name.startsWith("x-http2-")) {
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(header.getValue());
      }
    }
    return values;
  }

  private static String path(HttpRequest head) {
    return new QueryStringDecoder(head.uri()).path();
  }

  private static CompletionStage<HttpAnswer> done(HttpAnswer answer) {
    return CompletableFuture.completedStage(answer);
  }
}
