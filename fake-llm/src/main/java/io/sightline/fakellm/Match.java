package io.sightline.fakellm;

import java.util.function.Predicate;

/** Ready-made request predicates for {@link FakeLlmServer#on}; combine them with {@code and}/{@code or}. */
public final class Match {
  private Match() {}

  /** Every request. */
  public static Predicate<LlmRequest> any() {
    return r -> true;
  }

  /** Requests to one endpoint. */
  public static Predicate<LlmRequest> api(Api api) {
    return r -> r.api() == api;
  }

  /** Requests for exactly this model. */
  public static Predicate<LlmRequest> model(String model) {
    return r -> r.model().equals(model);
  }

  /** Requests whose last user message contains {@code text}. */
  public static Predicate<LlmRequest> userSays(String text) {
    return r -> r.lastUserText().contains(text);
  }

  /** Requests whose conversation already carries tool results. */
  public static Predicate<LlmRequest> hasToolResults() {
    return LlmRequest::hasToolResults;
  }

  /** Streaming requests. */
  public static Predicate<LlmRequest> streaming() {
    return LlmRequest::stream;
  }
}
