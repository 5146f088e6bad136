package io.sightline.extension.agent;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Agent-side enrichment of every GenAI span (ours and upstream's, recognised by
 * {@code gen_ai.operation.name}): at start, session and user ids from baggage; at the end (while
 * the span is still writable), cost from usage and redaction of captured content. Never throws.
 */
final class GenAiSpanProcessor implements ExtendedSpanProcessor {
  private static final Logger logger = Logger.getLogger(GenAiSpanProcessor.class.getName());
  private static final List<AttributeKey<String>> CONTENT = Arrays.asList(
      INPUT_MESSAGES, OUTPUT_MESSAGES, SYSTEM_INSTRUCTIONS, TOOL_CALL_ARGUMENTS, TOOL_CALL_RESULT);

  private final ExtensionSettings settings;
  private final CostEnricher cost;
  private final ContentRedaction redaction;
  private volatile boolean failureLogged;

  GenAiSpanProcessor(ExtensionSettings settings, CostEnricher cost, ContentRedaction redaction) {
    this.settings = settings;
    this.cost = cost;
    this.redaction = redaction;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      if (span.getAttribute(OPERATION_NAME) == null) {
        return;
      }
      Baggage baggage = Baggage.fromContext(parentContext);
      String session = settings.sessionBaggageKey == null ? null : baggage.getEntryValue(settings.sessionBaggageKey);
      if (session != null && !session.isEmpty()) {
        span.setAttribute(SESSION_ID, session);
        if (span.getAttribute(CONVERSATION_ID) == null) {
          span.setAttribute(CONVERSATION_ID, session);
        }
      }
      String user = settings.userBaggageKey == null ? null : baggage.getEntryValue(settings.userBaggageKey);
      if (user != null && !user.isEmpty()) {
        span.setAttribute(USER_ID, user);
      }
    } catch (RuntimeException e) {
      logOnce(e);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnding(ReadWriteSpan span) {
    try {
      if (span.getAttribute(OPERATION_NAME) == null) {
        return;
      }
      if (cost != null && span.getAttribute(SIGHTLINE_COST_USD) == null) {
        Double usd = cost.cost(span, System.currentTimeMillis());
        if (usd != null) {
          span.setAttribute(SIGHTLINE_COST_USD, usd);
        }
      }
      if (redaction.isEnabled()) {
        for (AttributeKey<String> key : CONTENT) {
          String content = span.getAttribute(key);
          if (content != null) {
            span.setAttribute(key, redaction.redact(content));
          }
        }
        if (span.getAttribute(ERROR_TYPE) != null) {
          // Failed tool results describe the failure in the status; redact it like content.
          StatusData status = span.toSpanData().getStatus();
          if (status.getStatusCode() == StatusCode.ERROR && !status.getDescription().isEmpty()) {
            span.setStatus(StatusCode.ERROR, redaction.redact(status.getDescription()));
          }
        }
      }
    } catch (RuntimeException | LinkageError e) {
      logOnce(e);
    }
  }

  @Override
  public boolean isOnEndingRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {}

  @Override
  public boolean isEndRequired() {
    return false;
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  private void logOnce(Throwable e) {
    if (!failureLogged) {
      failureLogged = true;
      logger.log(Level.FINE, "sightline-extension: GenAI span enrichment failed (reported once)", e);
    }
  }
}
