package io.otelring.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import org.junit.jupiter.api.Test;

/** Counting a request's resources on the wire gives what its parsed form lists. */
class TopLevelFieldsTest {

  @Test
  void countsTheResourceEntriesAndSkipsOtherTopLevelFields() {
    ResourceSpans resource =
        ResourceSpans.newBuilder().setResource(Resource.newBuilder().build()).build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resource)
            .addResourceSpans(ResourceSpans.getDefaultInstance())
            .addResourceSpans(resource)
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(2, UnknownFieldSet.Field.newBuilder().addVarint(300).build())
                    .addField(
                        7, UnknownFieldSet.Field.newBuilder().addFixed64(1).addFixed32(2).build())
                    .build())
            .build();

    assertThat(TopLevelFields.resourceCount(request.toByteArray()))
        .isEqualTo(request.getResourceSpansCount())
        .isEqualTo(3);
    assertThat(TopLevelFields.resourceCount(new byte[0])).isZero();
  }
}
