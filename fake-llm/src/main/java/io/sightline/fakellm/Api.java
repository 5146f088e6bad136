package io.sightline.fakellm;

/** The provider endpoints the fake server speaks. */
public enum Api {
  /** OpenAI {@code POST /v1/chat/completions}. */
  CHAT_COMPLETIONS("/v1/chat/completions"),
  /** OpenAI Responses API {@code POST /v1/responses}. */
  RESPONSES("/v1/responses"),
  /** OpenAI {@code POST /v1/embeddings}. */
  EMBEDDINGS("/v1/embeddings"),
  /** Anthropic {@code POST /v1/messages}. */
  ANTHROPIC_MESSAGES("/v1/messages"),
  /** Anything else: answered with 404. */
  UNKNOWN("");

  private final String path;

  Api(String path) {
    this.path = path;
  }

  /** The request path, without query string. */
  public String path() {
    return path;
  }

  /** The API served at {@code path}; tolerates a trailing slash and a prefix such as {@code /openai}. */
  static Api forPath(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (Api api : values()) {
      if (api != UNKNOWN && p.endsWith(api.path)) {
        return api;
      }
    }
    return UNKNOWN;
  }
}
