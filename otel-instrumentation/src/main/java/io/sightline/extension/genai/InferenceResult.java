package io.sightline.extension.genai;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GenAI call returned: response identity, finish reasons and token usage in OpenTelemetry's
 * inclusive semantics (input includes cached tokens, output includes reasoning tokens).
 */
public final class InferenceResult {
  String responseId;
  String responseModel;
  List<String> finishReasons;
  Long inputTokens;
  Long outputTokens;
  Long cacheReadTokens;
  Long cacheCreationTokens;
  Long reasoningTokens;
  Long dimensionCount;
  String serviceTier;
  String outputMessages;

  public InferenceResult responseId(String value) {
    if (value != null && !value.isEmpty()) {
      responseId = value;
    }
    return this;
  }

  public InferenceResult responseModel(String value) {
    if (value != null && !value.isEmpty()) {
      responseModel = value;
    }
    return this;
  }

  public InferenceResult finishReason(String value) {
    if (value != null) {
      if (finishReasons == null) {
        finishReasons = new ArrayList<>(1);
      }
      finishReasons.add(value);
    }
    return this;
  }

  public InferenceResult usage(Long input, Long output) {
    inputTokens = input;
    outputTokens = output;
    return this;
  }

  public InferenceResult cacheTokens(Long read, Long creation) {
    cacheReadTokens = read;
    cacheCreationTokens = creation;
    return this;
  }

  public InferenceResult reasoningTokens(Long value) {
    reasoningTokens = value;
    return this;
  }

  public InferenceResult dimensionCount(Long value) {
    dimensionCount = value;
    return this;
  }

  public InferenceResult serviceTier(String value) {
    serviceTier = value;
    return this;
  }

  public InferenceResult outputMessages(Messages value) {
    outputMessages = value == null || value.isEmpty() ? null : value.toJson();
    return this;
  }

  public boolean hasUsage() {
    return inputTokens != null || outputTokens != null;
  }

  /** Folds an inner (SDK-level) result into this (framework-level) one: usage adds up, identity is the latest. */
  void absorb(InferenceResult inner) {
    responseId = inner.responseId != null ? inner.responseId : responseId;
    responseModel = inner.responseModel != null ? inner.responseModel : responseModel;
    if (inner.finishReasons != null) {
      finishReasons = inner.finishReasons;
    }
    inputTokens = sum(inputTokens, inner.inputTokens);
    outputTokens = sum(outputTokens, inner.outputTokens);
    cacheReadTokens = sum(cacheReadTokens, inner.cacheReadTokens);
    cacheCreationTokens = sum(cacheCreationTokens, inner.cacheCreationTokens);
    reasoningTokens = sum(reasoningTokens, inner.reasoningTokens);
    serviceTier = inner.serviceTier != null ? inner.serviceTier : serviceTier;
  }

  /** Fills what this result lacks from the SDK-level one; exact SDK usage replaces framework usage. */
  void preferUsageOf(InferenceResult sdk) {
    responseId = sdk.responseId != null ? sdk.responseId : responseId;
    responseModel = sdk.responseModel != null ? sdk.responseModel : responseModel;
    if (finishReasons == null) {
      finishReasons = sdk.finishReasons;
    }
    if (sdk.hasUsage()) {
      inputTokens = sdk.inputTokens;
      outputTokens = sdk.outputTokens;
      cacheReadTokens = sdk.cacheReadTokens;
      cacheCreationTokens = sdk.cacheCreationTokens;
      reasoningTokens = sdk.reasoningTokens;
    }
    serviceTier = sdk.serviceTier != null ? sdk.serviceTier : serviceTier;
  }

  void applyTo(Span span) {
    if (responseId != null) {
      span.setAttribute(RESPONSE_ID, responseId);
    }
    if (responseModel != null) {
      span.setAttribute(RESPONSE_MODEL, responseModel);
    }
    if (finishReasons != null) {
      span.setAttribute(RESPONSE_FINISH_REASONS, finishReasons);
    }
    set(span, USAGE_INPUT_TOKENS, inputTokens);
    set(span, USAGE_OUTPUT_TOKENS, outputTokens);
    set(span, USAGE_CACHE_READ_INPUT_TOKENS, cacheReadTokens);
    set(span, USAGE_CACHE_CREATION_INPUT_TOKENS, cacheCreationTokens);
    set(span, USAGE_REASONING_OUTPUT_TOKENS, reasoningTokens);
    set(span, EMBEDDINGS_DIMENSION_COUNT, dimensionCount);
    if (serviceTier != null) {
      span.setAttribute(OPENAI_SERVICE_TIER, serviceTier);
    }
    if (outputMessages != null) {
      span.setAttribute(OUTPUT_MESSAGES, outputMessages);
    }
  }

  private static void set(Span span, io.opentelemetry.api.common.AttributeKey<Long> key, Long value) {
    if (value != null) {
      span.setAttribute(key, value);
    }
  }

  private static Long sum(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(a + b);
  }
}
