package io.sightline.extension.agent;

import static io.sightline.extension.genai.GenAiAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GenAiSpanProcessorTest {
  private static SpanData run(Map<String, String> settings, Consumer<Tracer> body) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    ConfigProperties config = DefaultConfigProperties.createFromMap(settings);
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(new GenAiSpanProcessor(new ExtensionSettings(config), CostEnricher.fromBundledCatalogue(),
            ContentRedaction.fromConfig(config)))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
    Baggage baggage = Baggage.builder().put("session.id", "s-1").put("user.id", "u-1").put("tenant", "t").build();
    try (Scope ignored = Context.root().with(baggage).makeCurrent()) {
      body.accept(provider.get("test"));
    }
    SpanData span = exporter.getFinishedSpanItems().get(0);
    provider.close();
    return span;
  }

  private static void chat(Tracer tracer, String model, String conversation) {
    var builder = tracer.spanBuilder("chat " + model).setAttribute(OPERATION_NAME, "chat")
        .setAttribute(PROVIDER_NAME, "openai").setAttribute(REQUEST_MODEL, model);
    if (conversation != null) {
      builder.setAttribute(CONVERSATION_ID, conversation);
    }
    Span span = builder.startSpan();
    span.setAttribute(USAGE_INPUT_TOKENS, 1_000_000L);
    span.setAttribute(USAGE_OUTPUT_TOKENS, 1_000_000L);
    span.setAttribute(INPUT_MESSAGES, "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"mail jane@example.com\"}]}]");
    span.end();
  }

  @Test
  void genAiSpan_getsSessionUserConversationAndCost() {
    SpanData span = run(Map.of(), t -> chat(t, "gpt-4o-mini", null));

    assertThat(span.getAttributes().get(SESSION_ID)).isEqualTo("s-1");
    assertThat(span.getAttributes().get(USER_ID)).isEqualTo("u-1");
    assertThat(span.getAttributes().get(CONVERSATION_ID)).isEqualTo("s-1");
    assertThat(span.getAttributes().get(SIGHTLINE_COST_USD)).isCloseTo(0.15 + 0.60, within(1e-9));
  }

  @Test
  void nativeConversationId_winsOverTheSession() {
    SpanData span = run(Map.of(), t -> chat(t, "gpt-4o-mini", "thread-9"));

    assertThat(span.getAttributes().get(CONVERSATION_ID)).isEqualTo("thread-9");
    assertThat(span.getAttributes().get(SESSION_ID)).isEqualTo("s-1");
  }

  @Test
  void unknownModel_getsNoCostAttribute() {
    SpanData span = run(Map.of(), t -> chat(t, "my-private-model", null));

    assertThat(span.getAttributes().get(SIGHTLINE_COST_USD)).isNull();
  }

  @Test
  void content_isRedacted_unlessRedactionIsOff() {
    SpanData redacted = run(Map.of(), t -> chat(t, "gpt-4o-mini", null));
    SpanData raw = run(Map.of("otel.instrumentation.sightline.redaction.enabled", "false"), t -> chat(t, "gpt-4o-mini", null));

    assertThat(redacted.getAttributes().get(INPUT_MESSAGES)).doesNotContain("jane@example.com").contains("mail ");
    assertThat(raw.getAttributes().get(INPUT_MESSAGES)).contains("jane@example.com");
  }

  @Test
  void configuredBaggageKeys_areUsed() {
    SpanData span = run(Map.of("otel.instrumentation.sightline.session.baggage-key", "tenant"), t -> chat(t, "m", null));

    assertThat(span.getAttributes().get(SESSION_ID)).isEqualTo("t");
  }

  @Test
  void nonGenAiSpan_isLeftAlone() {
    SpanData span = run(Map.of(), t -> t.spanBuilder("GET /").startSpan().end());

    assertThat(span.getAttributes().asMap()).isEmpty();
  }
}
