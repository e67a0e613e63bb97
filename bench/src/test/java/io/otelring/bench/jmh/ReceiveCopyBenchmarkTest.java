package io.otelring.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelring.bench.shape.SpanShape;
import io.otelring.core.component.Signal;
import io.otelring.core.wire.WireScanner;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiveCopyBenchmarkTest {

  /** The benchmark times a real copy: the array holds the whole request, byte for byte. */
  @ParameterizedTest
  @ValueSource(strings = {"otelspec", "testbed"})
  void copiesTheWholeRequestOutOfItsFrames(String shape) throws Exception {
    ReceiveCopyBenchmark benchmark = new ReceiveCopyBenchmark();
    benchmark.shape = shape;
    benchmark.setUp();

    byte[] copy = benchmark.copyIntoArray();

    SpanShape spanShape = SpanShape.of(shape);
    assertThat(copy)
        .isEqualTo(spanShape.request(spanShape.spansPerRequest(), new Random(1)).toByteArray());
    assertThat(WireScanner.scan(Signal.TRACES, copy).items())
        .isEqualTo(spanShape.spansPerRequest());
  }
}
