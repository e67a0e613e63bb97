package io.otelring.exporter.otlphttp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.otelring.core.component.Signal;
import io.otelring.core.otlpjson.OtlpJson;
import io.otelring.core.otlpjson.OtlpJsonException;
import io.otelring.exporter.sending.Push.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads what an OTLP/HTTP backend answered, in the encoding its {@code Content-Type} names: an
 * {@code Export…ServiceResponse} with a partial success after a 2xx, a {@code google.rpc.Status}
 * with a message otherwise — as protobuf, or as OTLP/JSON for {@code application/json}, which a
 * backend sends to a client that posted JSON.
 */
final class ResponseBody {

  private static final int MAX_MESSAGE_CHARS = 512;

  private ResponseBody() {}

  /** The partial success of a 2xx answer; all accepted when the body is empty or unreadable. */
  static Delivery partialSuccess(Signal signal, String contentType, byte[] body) {
    if (body.length == 0) {
      return Delivery.ALL;
    }
    boolean json = isJson(contentType);
    try {
      return switch (signal) {
        case TRACES -> {
          var partial =
              read(json, body, ExportTraceServiceResponse.getDefaultInstance()).getPartialSuccess();
          yield new Delivery(partial.getRejectedSpans(), partial.getErrorMessage());
        }
        case METRICS -> {
          var partial =
              read(json, body, ExportMetricsServiceResponse.getDefaultInstance())
                  .getPartialSuccess();
          yield new Delivery(partial.getRejectedDataPoints(), partial.getErrorMessage());
        }
        case LOGS -> {
          var partial =
              read(json, body, ExportLogsServiceResponse.getDefaultInstance()).getPartialSuccess();
          yield new Delivery(partial.getRejectedLogRecords(), partial.getErrorMessage());
        }
      };
    } catch (InvalidProtocolBufferException | OtlpJsonException e) {
      // A 2xx with a body we cannot read still means the data was taken.
      return Delivery.ALL;
    }
  }

  /** The backend's message: that of the {@code google.rpc.Status} body, or the start of a text. */
  static String errorMessage(String contentType, byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      if (isJson(contentType)) {
        return OtlpJson.decode(body, com.google.rpc.Status.getDefaultInstance()).getMessage();
      }
      if (mediaType(contentType).equals("application/x-protobuf")) {
        return com.google.rpc.Status.parseFrom(body).getMessage();
      }
    } catch (InvalidProtocolBufferException e) {
      return "";
    } catch (OtlpJsonException e) {
      // JSON that is no Status (a proxy's own error page, say): its text tells more than nothing.
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) : text;
  }

  private static <T extends Message> T read(boolean json, byte[] body, T prototype)
      throws InvalidProtocolBufferException, OtlpJsonException {
    if (json) {
      return OtlpJson.decode(body, prototype);
    }
    @SuppressWarnings("unchecked")
    T message = (T) prototype.getParserForType().parseFrom(body);
    return message;
  }

  private static boolean isJson(String contentType) {
    return mediaType(contentType).equals("application/json");
  }

  /** The media type without parameters such as {@code charset}, in lower case. */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
