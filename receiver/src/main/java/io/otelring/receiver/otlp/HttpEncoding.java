package io.otelring.receiver.otlp;

import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.google.protobuf.Message;
import io.otelring.core.otlpjson.OtlpJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The two bodies OTLP/HTTP knows, chosen by the request's {@code Content-Type} (its media type;
 * parameters such as {@code charset} are ignored, as Go's {@code mime.ParseMediaType} does). The
 * answer is written in the request's encoding, errors included.
 */
enum HttpEncoding {
  PROTOBUF("application/x-protobuf") {
    @Override
    <Q extends Message> Q parse(ExportSignal<Q, ?> signal, ByteBuffer body) throws IOException {
      return signal.parseProtobuf(body);
    }

    @Override
    byte[] encode(Message message) {
      return message.toByteArray();
    }
  },
  JSON("application/json") {
    @Override
    <Q extends Message> Q parse(ExportSignal<Q, ?> signal, ByteBuffer body) throws IOException {
      return signal.parseJson(new ByteBufferBackedInputStream(body));
    }

    @Override
    byte[] encode(Message message) {
      return OtlpJson.encode(message);
    }
  };

  /** What a 415 answer lists, in Go's words and order. */
  static final String SUPPORTED = "[application/json, application/x-protobuf]";

  private final String contentType;

  HttpEncoding(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  /** The encoding of a {@code Content-Type} header, or null when it is neither OTLP type. */
  static HttpEncoding of(String contentTypeHeader) {
    if (contentTypeHeader == null) {
      return null;
    }
    int semicolon = contentTypeHeader.indexOf(';');
    String mediaType =
        (semicolon < 0 ? contentTypeHeader : contentTypeHeader.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    for (HttpEncoding encoding : values()) {
      if (encoding.contentType.equals(mediaType)) {
        return encoding;
      }
    }
    return null;
  }

  abstract <Q extends Message> Q parse(ExportSignal<Q, ?> signal, ByteBuffer body)
      throws IOException;

  abstract byte[] encode(Message message);
}
