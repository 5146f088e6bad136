package io.sightline.genai.pricing;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenTelemetry GenAI provider vocabulary ({@code gen_ai.provider.name}) and the aliases that
 * older semantic-convention versions, OpenInference, Vercel AI SDK and others send for it.
 */
public final class Providers {
  public static final String OPENAI = "openai";
  public static final String ANTHROPIC = "anthropic";
  public static final String AWS_BEDROCK = "aws.bedrock";
  public static final String AZURE_AI_OPENAI = "azure.ai.openai";
  public static final String AZURE_AI_INFERENCE = "azure.ai.inference";
  public static final String GCP_GEMINI = "gcp.gemini";
  public static final String GCP_VERTEX_AI = "gcp.vertex_ai";
  public static final String GCP_GEN_AI = "gcp.gen_ai";
  public static final String MISTRAL_AI = "mistral_ai";
  public static final String COHERE = "cohere";
  public static final String DEEPSEEK = "deepseek";
  public static final String GROQ = "groq";
  public static final String X_AI = "x_ai";
  public static final String PERPLEXITY = "perplexity";
  public static final String IBM_WATSONX_AI = "ibm.watsonx.ai";

  /** Platforms that resell other vendors' models; their rows never win a cross-provider fallback. */
  private static final Set<String> RESELLERS = Collections.unmodifiableSet(new HashSet<String>(
      Arrays.asList(AWS_BEDROCK, AZURE_AI_OPENAI, AZURE_AI_INFERENCE, GCP_VERTEX_AI)));

  private static final Map<String, String> ALIASES = new HashMap<String, String>();

  static {
    alias(OPENAI, "open_ai", "open-ai");
    alias(ANTHROPIC);
    alias(AWS_BEDROCK, "bedrock", "aws_bedrock", "aws-bedrock", "amazon-bedrock", "amazon_bedrock",
        "amazon.bedrock", "aws");
    alias(AZURE_AI_OPENAI, "az.ai.openai", "azure", "azure_openai", "azure-openai", "azureopenai",
        "azure.openai");
    alias(AZURE_AI_INFERENCE, "az.ai.inference", "azure_ai_inference", "azure-ai-inference",
        "azure.inference");
    alias(GCP_GEMINI, "gemini", "google.generative-ai", "google_ai_studio", "google-ai-studio",
        "google.gemini");
    alias(GCP_VERTEX_AI, "vertex_ai", "vertexai", "vertex-ai", "vertex", "google.vertex",
        "google_vertex_ai");
    alias(GCP_GEN_AI, "google", "google_genai", "google-genai", "google.genai");
    alias(MISTRAL_AI, "mistralai", "mistral", "mistral-ai");
    alias(COHERE);
    alias(DEEPSEEK, "deep_seek", "deepseek-ai");
    alias(GROQ);
    alias(X_AI, "xai", "x.ai", "x-ai");
    alias(PERPLEXITY, "perplexity_ai", "perplexity-ai", "pplx");
    alias(IBM_WATSONX_AI, "watsonx", "watsonx.ai", "ibm_watsonx", "ibm-watsonx", "ibm_watsonx_ai",
        "ibm");
  }

  private Providers() {}

  private static void alias(String canonical, String... aliases) {
    ALIASES.put(canonical, canonical);
    for (String a : aliases) {
      ALIASES.put(a, canonical);
    }
  }

  /**
   * The OTel enum value for {@code raw} ({@code mistralai} → {@code mistral_ai}, {@code xai} →
   * {@code x_ai}, {@code vertexai} → {@code gcp.vertex_ai}, {@code az.ai.openai} →
   * {@code azure.ai.openai}, ...). Vercel-style qualified names such as {@code openai.chat} or
   * {@code google.vertex.chat} map through their longest known leading segments. Unknown values come back trimmed
   * and lower-cased, so a provider outside the enum (e.g. {@code moonshot_ai}) keeps its name;
   * {@code null} or blank gives {@code ""}.
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.trim().toLowerCase(Locale.ROOT);
    String canonical = ALIASES.get(s);
    if (canonical != null) {
      return canonical;
    }
    for (int dot = s.lastIndexOf('.'); dot > 0; dot = s.lastIndexOf('.', dot - 1)) {
      canonical = ALIASES.get(s.substring(0, dot));
      if (canonical != null) {
        return canonical;
      }
    }
    return s;
  }

  /** True for platforms that host other vendors' models (Bedrock, Azure, Vertex AI). */
  static boolean isReseller(String normalizedProvider) {
    return RESELLERS.contains(normalizedProvider);
  }
}
