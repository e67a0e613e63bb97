package io.otelring.bench.shape;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Random;

/** The OTLP values the shapes are made of: attributes, events, random text and ids. */
final class Attributes {

  private static final char[] ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private Attributes() {}

  static KeyValue string(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue integer(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  static Span.Event event(long timeUnixNano, String name) {
    return Span.Event.newBuilder().setTimeUnixNano(timeUnixNano).setName(name).build();
  }

  /** ASCII letters and digits, so that characters and bytes count the same. */
  static String text(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }

  static ByteString bytes(byte[] value) {
    return ByteString.copyFrom(value);
  }
}
