package io.sightline.extension.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.extension.it.OtlpReceiver.ReceivedPoint;
import io.sightline.extension.it.OtlpReceiver.ReceivedSpan;
import java.util.List;
import java.util.function.Predicate;

/** Lookups over what one child run exported. */
record ItSupport(List<ReceivedSpan> spans, List<ReceivedPoint> points) {
  /**
   * Upper tolerance on measured time to first chunk: the child JVM is cold (the first streaming
   * call loads and interprets the SDK's streaming code) and shares two cores with the build.
   */
  static final double COLD_JVM_TOLERANCE_SECONDS = 1.0;

  static ItSupport await(OtlpReceiver otlp, int scenarios) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (otlp.spans().stream().filter(s -> s.name().startsWith("scenario ")).count() >= scenarios
          && !otlp.points().isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    return new ItSupport(otlp.spans(), otlp.points());
  }

  ReceivedSpan scenario(String name) {
    return spans.stream().filter(s -> s.name().equals("scenario " + name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span for scenario " + name + " in " + spans.stream().map(ReceivedSpan::name).toList()));
  }

  /** The GenAI spans whose parent is the scenario's span. */
  List<ReceivedSpan> genAi(String scenario) {
    ReceivedSpan root = scenario(scenario);
    return spans.stream().filter(s -> s.parentSpanId().equals(root.spanId()) && s.attr("gen_ai.operation.name") != null).toList();
  }

  /** The only inference span of a scenario (asserts there is exactly one). */
  ReceivedSpan inference(String scenario) {
    List<ReceivedSpan> genAi = genAi(scenario);
    assertThat(genAi).as("GenAI spans of scenario %s", scenario).hasSize(1);
    return genAi.get(0);
  }

  List<ReceivedSpan> children(ReceivedSpan parent) {
    return spans.stream().filter(s -> s.parentSpanId().equals(parent.spanId())).toList();
  }

  List<ReceivedPoint> metric(String name, Predicate<ReceivedPoint> filter) {
    return points.stream().filter(p -> p.metric().equals(name)).filter(filter).toList();
  }
}
