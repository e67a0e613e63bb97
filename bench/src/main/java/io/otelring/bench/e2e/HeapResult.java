package io.otelring.bench.e2e;

/**
 * The heap otelring spends per span it holds in its batch buffer.
 *
 * @param shape the span shape's name
 * @param spans spans held when measured
 * @param heapBytesPerSpan (used heap after a full GC with the spans held − before) / spans
 * @param wireBytesPerSpan the spans' encoded size
 */
record HeapResult(String shape, long spans, double heapBytesPerSpan, double wireBytesPerSpan) {

  double timesWire() {
    return heapBytesPerSpan / wireBytesPerSpan;
  }
}
