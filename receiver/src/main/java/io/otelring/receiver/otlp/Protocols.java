package io.otelring.receiver.otlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * {@code protocols}: which servers the receiver runs. A protocol is on when its key is present —
 * also with no value ({@code grpc:}), which means every default — and off when the key is absent,
 * as Go's {@code configoptional.Default} behaves.
 *
 * @param grpc the gRPC server, or null when off
 * @param http the HTTP server, or null when off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = Protocols.Deserializer.class)
public record Protocols(GrpcServerConfig grpc, HttpServerConfig http) {

  static final Protocols NONE = new Protocols(null, null);

  /**
   * Jackson binds an explicit null exactly as an absent key, so presence is read by hand here; the
   * sub-sections are then bound by Jackson as usual (unknown keys still fail).
   */
  static final class Deserializer extends StdDeserializer<Protocols> {

    Deserializer() {
      super(Protocols.class);
    }

    @Override
    public Protocols deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.isExpectedStartObjectToken()) {
        return (Protocols) context.handleUnexpectedToken(Protocols.class, parser);
      }
      GrpcServerConfig grpc = null;
      HttpServerConfig http = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        switch (name) {
          case "grpc" -> grpc = readSection(parser, context, GrpcServerConfig.class, name);
          case "http" -> http = readSection(parser, context, HttpServerConfig.class, name);
          default -> context.handleUnknownProperty(parser, this, Protocols.class, name);
        }
      }
      return new Protocols(grpc, http);
    }

    private static <T> T readSection(
        JsonParser parser, DeserializationContext context, Class<T> type, String name)
        throws IOException {
      try {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
          return context.readTreeAsValue(JsonNodeFactory.instance.objectNode(), type);
        }
        return context.readValue(parser, type);
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, Protocols.class, name);
      }
    }

    @Override
    public Protocols getNullValue(DeserializationContext context) {
      return NONE;
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      return List.of("grpc", "http");
    }
  }
}
