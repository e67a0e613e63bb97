package io.otelring.core.otlpjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Decodes and encodes OTLP messages — the {@code Export…ServiceRequest} and {@code
 * Export…ServiceResponse} types of the three signals, and {@code google.rpc.Status} without details
 * — in OTLP/JSON as the OTLP specification defines it:
 *
 * <ul>
 *   <li>{@code traceId}, {@code spanId} and {@code parentSpanId} are hex strings, other {@code
 *       bytes} base64 (standard or URL-safe alphabet on input);
 *   <li>keys are lowerCamelCase; the proto's snake_case names are read too;
 *   <li>enums are written as integers and read as integers or names;
 *   <li>64-bit integers are written as decimal strings and read as strings or numbers;
 *   <li>{@code NaN} and the infinities are the strings {@code "NaN"}, {@code "Infinity"}, {@code
 *       "-Infinity"};
 *   <li>unknown keys are ignored and {@code null} means "not set".
 * </ul>
 *
 * <p>Thread-safe; nothing is shared between calls but the descriptors' field tables.
 */
public final class OtlpJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // The body is bounded by the receiver; this bounds what one JSON value may allocate.
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(2 * MessageReader.MAX_DEPTH + 2)
                  .maxNumberLength(64)
                  .build())
          .build();

  private OtlpJson() {}

  /**
   * Reads an OTLP/JSON document into a message of the prototype's type.
   *
   * @throws OtlpJsonException when the bytes are not JSON or not a valid message of that type; the
   *     message names the path of the offending value
   */
  public static <T extends Message> T decode(byte[] json, T prototype) throws OtlpJsonException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, prototype);
    } catch (OtlpJsonException e) {
      throw e;
    } catch (IOException e) {
      throw notJson(e);
    }
  }

  /** As {@link #decode(byte[], Message)}, reading a stream (which is not closed). */
  public static <T extends Message> T decode(InputStream json, T prototype) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, prototype);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    }
  }

  public static ExportTraceServiceRequest decodeTraces(byte[] json) throws OtlpJsonException {
    return decode(json, ExportTraceServiceRequest.getDefaultInstance());
  }

  public static ExportMetricsServiceRequest decodeMetrics(byte[] json) throws OtlpJsonException {
    return decode(json, ExportMetricsServiceRequest.getDefaultInstance());
  }

  public static ExportLogsServiceRequest decodeLogs(byte[] json) throws OtlpJsonException {
    return decode(json, ExportLogsServiceRequest.getDefaultInstance());
  }

  /** Writes a message as OTLP/JSON (compact, UTF-8) to the stream, which is not closed. */
  public static void encode(MessageOrBuilder message, OutputStream out) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      new MessageWriter(generator).write(message);
    }
  }

  /** A message as OTLP/JSON bytes (compact, UTF-8). */
  public static byte[] encode(MessageOrBuilder message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encode(message, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T read(JsonParser parser, T prototype) throws IOException {
    Message.Builder builder = prototype.newBuilderForType();
    new MessageReader(parser).readDocument(builder);
    return (T) builder.build();
  }

  private static OtlpJsonException notJson(IOException e) {
    String reason =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return new OtlpJsonException("not valid JSON: " + reason, e);
  }
}
