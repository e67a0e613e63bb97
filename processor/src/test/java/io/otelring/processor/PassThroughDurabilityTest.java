package io.otelring.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otelring.core.component.ComponentConfig;
import io.otelring.core.component.ComponentId;
import io.otelring.core.component.ComponentSettings;
import io.otelring.core.component.Kind;
import io.otelring.core.component.Processor;
import io.otelring.core.component.ProcessorFactory;
import io.otelring.core.component.Signal;
import io.otelring.core.consumer.Consumer;
import io.otelring.core.consumer.Telemetry;
import io.otelring.core.testing.ConfigFixtures;
import io.otelring.processor.attributes.AttributesProcessorFactory;
import io.otelring.processor.memorylimiter.MemoryLimiterProcessorFactory;
import io.otelring.processor.resource.ResourceProcessorFactory;
import io.otelring.processor.transform.TransformProcessorFactory;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Processors that hand data straight on must say what their next consumer says about durability, or
 * a persistent queue behind them would no longer hold the client's "OK" until the data is on disk.
 */
class PassThroughDurabilityTest {

  static Stream<Arguments> passThroughProcessors() {
    return Stream.of(
        Arguments.of(new AttributesProcessorFactory(), "{actions: [{key: a, action: delete}]}"),
        Arguments.of(new ResourceProcessorFactory(), "{attributes: [{key: a, action: delete}]}"),
        Arguments.of(new TransformProcessorFactory(), "{fields: {add: {x: '\"y\"'}}}"),
        Arguments.of(new MemoryLimiterProcessorFactory(), "{check_interval: 1s, limit_mib: 4000}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("passThroughProcessors")
  <C extends ComponentConfig> void reportsTheNextConsumersDurability(
      ProcessorFactory<C> factory, String yaml) throws Exception {
    C config = ConfigFixtures.bind(factory, yaml);
    for (boolean durable : new boolean[] {true, false}) {
      Consumer next =
          new Consumer() {
            @Override
            public CompletionStage<Void> consume(Telemetry telemetry) {
              return ACCEPTED;
            }

            @Override
            public boolean durable() {
              return durable;
            }
          };
      Processor processor =
          factory.createProcessor(
              ComponentSettings.of(
                  ComponentId.of(factory.type()), Kind.PROCESSOR, new SimpleMeterRegistry()),
              config,
              Signal.TRACES,
              next);

      assertThat(processor.durable()).isEqualTo(durable);
    }
  }
}
