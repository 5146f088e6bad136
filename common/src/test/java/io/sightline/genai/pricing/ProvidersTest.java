package io.sightline.genai.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvidersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NULL", value = {
      "openai, openai",
      "OpenAI, openai",
      "openai.chat, openai",
      "openai.responses, openai",
      "anthropic, anthropic",
      "anthropic.messages, anthropic",
      "mistralai, mistral_ai",
      "mistral, mistral_ai",
      "mistral_ai, mistral_ai",
      "xai, x_ai",
      "x_ai, x_ai",
      "vertexai, gcp.vertex_ai",
      "vertex_ai, gcp.vertex_ai",
      "gcp.vertex_ai, gcp.vertex_ai",
      "google.vertex.chat, gcp.vertex_ai",
      "gemini, gcp.gemini",
      "google.generative-ai, gcp.gemini",
      "google, gcp.gen_ai",
      "az.ai.openai, azure.ai.openai",
      "azure, azure.ai.openai",
      "az.ai.inference, azure.ai.inference",
      "bedrock, aws.bedrock",
      "aws_bedrock, aws.bedrock",
      "amazon-bedrock, aws.bedrock",
      "' aws.bedrock ', aws.bedrock",
      "cohere, cohere",
      "deepseek, deepseek",
      "groq, groq",
      "perplexity, perplexity",
      "watsonx, ibm.watsonx.ai",
      "ibm.watsonx.ai, ibm.watsonx.ai",
      "Moonshot_AI, moonshot_ai",
      "'', ''",
      "NULL, ''",
  })
  void normalize_aliasOrCanonical_mapsToOtelEnum(String raw, String expected) {
    assertThat(Providers.normalize(raw)).isEqualTo(expected);
  }
}
