package io.sightline.extension.genai;

import java.util.Locale;

/** {@code gen_ai.provider.name} for OpenAI-compatible endpoints, from the client's base URL host. */
public final class Providers {
  private Providers() {}

  public static String forOpenAiCompatible(String baseUrl) {
    String url = baseUrl == null ? "" : baseUrl.toLowerCase(Locale.ROOT);
    if (url.contains(".openai.azure.com") || url.contains(".cognitiveservices.azure.com")) {
      return "azure.ai.openai";
    }
    if (url.contains("api.groq.com")) {
      return "groq";
    }
    if (url.contains("api.deepseek.com")) {
      return "deepseek";
    }
    if (url.contains("api.x.ai")) {
      return "x_ai";
    }
    if (url.contains("api.mistral.ai")) {
      return "mistral_ai";
    }
    if (url.contains("api.perplexity.ai")) {
      return "perplexity";
    }
    if (url.contains("generativelanguage.googleapis.com")) {
      return "gcp.gemini";
    }
    return "openai";
  }
}
