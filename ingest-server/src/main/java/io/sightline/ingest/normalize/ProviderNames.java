package io.sightline.ingest.normalize;

import java.util.Locale;
import java.util.Map;

/**
 * Maps provider/system names of every convention onto the OTel {@code gen_ai.provider.name}
 * vocabulary (conventions.md §10.6). Unknown names are kept, lower-cased. The producer's own
 * spelling stays in the raw attribute map.
 */
public final class ProviderNames {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("openai", "openai"),
            Map.entry("anthropic", "anthropic"),
            Map.entry("aws.bedrock", "aws.bedrock"),
            Map.entry("bedrock", "aws.bedrock"),
            Map.entry("aws_bedrock", "aws.bedrock"),
            Map.entry("amazon-bedrock", "aws.bedrock"),
            Map.entry("amazon_bedrock", "aws.bedrock"),
            Map.entry("azure.ai.inference", "azure.ai.inference"),
            Map.entry("az.ai.inference", "azure.ai.inference"),
            Map.entry("azure.ai.openai", "azure.ai.openai"),
            Map.entry("az.ai.openai", "azure.ai.openai"),
            Map.entry("azure_openai", "azure.ai.openai"),
            Map.entry("azure-openai", "azure.ai.openai"),
            Map.entry("azure", "azure.ai.openai"),
            Map.entry("cohere", "cohere"),
            Map.entry("deepseek", "deepseek"),
            Map.entry("gcp.gemini", "gcp.gemini"),
            Map.entry("gemini", "gcp.gemini"),
            Map.entry("google_genai", "gcp.gemini"),
            Map.entry("google", "gcp.gemini"),
            Map.entry("gcp.gen_ai", "gcp.gen_ai"),
            Map.entry("gcp.vertex_ai", "gcp.vertex_ai"),
            Map.entry("vertex_ai", "gcp.vertex_ai"),
            Map.entry("vertexai", "gcp.vertex_ai"),
            Map.entry("google-vertex", "gcp.vertex_ai"),
            Map.entry("groq", "groq"),
            Map.entry("ibm.watsonx.ai", "ibm.watsonx.ai"),
            Map.entry("watsonx", "ibm.watsonx.ai"),
            Map.entry("ibm", "ibm.watsonx.ai"),
            Map.entry("mistral_ai", "mistral_ai"),
            Map.entry("mistralai", "mistral_ai"),
            Map.entry("mistral", "mistral_ai"),
            Map.entry("perplexity", "perplexity"),
            Map.entry("x_ai", "x_ai"),
            Map.entry("xai", "x_ai"),
            Map.entry("moonshot_ai", "moonshot_ai"),
            Map.entry("moonshot", "moonshot_ai"));

    private ProviderNames() {}

    /** The OTel name for {@code raw}; "" for blank input. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String key = raw.trim().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    /**
     * OpenInference splits the API family ({@code llm.system}) from the host
     * ({@code llm.provider}); OTel names the pair. Azure hosting OpenAI models is
     * {@code azure.ai.openai}, AWS hosting anything is {@code aws.bedrock}, Google hosting is Vertex.
     */
    public static String fromOpenInference(String system, String provider) {
        String sys = normalize(system);
        String host = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        return switch (host) {
            case "" -> sys;
            case "azure" -> sys.isEmpty() || sys.equals("openai") ? "azure.ai.openai" : "azure.ai.inference";
            case "aws" -> "aws.bedrock";
            case "google" -> sys.equals("gcp.gemini") ? "gcp.gemini" : "gcp.vertex_ai";
            default -> normalize(host);
        };
    }

    /**
     * Vercel AI SDK {@code ai.model.provider} ids look like {@code openai.chat},
     * {@code anthropic.messages}, {@code google.vertex.chat}, {@code amazon-bedrock}.
     */
    public static String fromVercel(String providerId) {
        if (providerId == null) {
            return "";
        }
        String id = providerId.trim().toLowerCase(Locale.ROOT);
        if (id.startsWith("google.vertex")) {
            return "gcp.vertex_ai";
        }
        int dot = id.indexOf('.');
        return normalize(dot < 0 ? id : id.substring(0, dot));
    }
}
