package io.sightline.ingest.normalize;

import io.sightline.genai.pricing.Providers;
import java.util.Locale;

/**
 * Provider values that need more than {@link Providers#normalize} (the one vocabulary, shared
 * with pricing): OpenInference splits the API family ({@code llm.system}) from the host
 * ({@code llm.provider}), which OTel names as one value (conventions.md §10.6).
 */
public final class ProviderNames {
    private ProviderNames() {}

    /**
     * Azure hosting OpenAI models is {@code azure.ai.openai} (other models there
     * {@code azure.ai.inference}), AWS hosting anything is {@code aws.bedrock}, Google hosting is
     * Vertex AI unless the family is Gemini; any other host names the provider.
     */
    public static String fromOpenInference(String system, String provider) {
        String sys = Providers.normalize(system);
        String host = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        return switch (host) {
            case "" -> sys;
            case "azure" -> sys.isEmpty() || sys.equals(Providers.OPENAI) ? Providers.AZURE_AI_OPENAI
                    : Providers.AZURE_AI_INFERENCE;
            case "aws" -> Providers.AWS_BEDROCK;
            case "google" -> sys.equals(Providers.GCP_GEMINI) ? Providers.GCP_GEMINI : Providers.GCP_VERTEX_AI;
            default -> Providers.normalize(host);
        };
    }
}
