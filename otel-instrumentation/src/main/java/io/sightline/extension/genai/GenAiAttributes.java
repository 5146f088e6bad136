package io.sightline.extension.genai;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute names of the OpenTelemetry GenAI semantic conventions (v1.41 / semantic-conventions-genai)
 * plus Sightline's own. Defined here rather than taken from semconv-incubating, whose shaded copy in
 * the agent lags behind.
 */
public final class GenAiAttributes {
  public static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
  public static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Double> REQUEST_TOP_P = doubleKey("gen_ai.request.top_p");
  public static final AttributeKey<Double> REQUEST_TOP_K = doubleKey("gen_ai.request.top_k");
  public static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY = doubleKey("gen_ai.request.frequency_penalty");
  public static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY = doubleKey("gen_ai.request.presence_penalty");
  public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = stringArrayKey("gen_ai.request.stop_sequences");
  public static final AttributeKey<Long> REQUEST_SEED = longKey("gen_ai.request.seed");
  public static final AttributeKey<Long> REQUEST_CHOICE_COUNT = longKey("gen_ai.request.choice.count");
  public static final AttributeKey<List<String>> REQUEST_ENCODING_FORMATS = stringArrayKey("gen_ai.request.encoding_formats");
  public static final AttributeKey<Boolean> REQUEST_STREAM = booleanKey("gen_ai.request.stream");
  public static final AttributeKey<String> OUTPUT_TYPE = stringKey("gen_ai.output.type");
  public static final AttributeKey<String> CONVERSATION_ID = stringKey("gen_ai.conversation.id");

  public static final AttributeKey<String> RESPONSE_ID = stringKey("gen_ai.response.id");
  public static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = doubleKey("gen_ai.response.time_to_first_chunk");

  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS = longKey("gen_ai.usage.cache_read.input_tokens");
  public static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS = longKey("gen_ai.usage.cache_creation.input_tokens");
  public static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS = longKey("gen_ai.usage.reasoning.output_tokens");
  public static final AttributeKey<Long> EMBEDDINGS_DIMENSION_COUNT = longKey("gen_ai.embeddings.dimension.count");

  public static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> SYSTEM_INSTRUCTIONS = stringKey("gen_ai.system_instructions");
  public static final AttributeKey<String> TOOL_DEFINITIONS = stringKey("gen_ai.tool.definitions");

  public static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> AGENT_DESCRIPTION = stringKey("gen_ai.agent.description");
  public static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> TOOL_CALL_ID = stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> TOOL_TYPE = stringKey("gen_ai.tool.type");
  public static final AttributeKey<String> TOOL_DESCRIPTION = stringKey("gen_ai.tool.description");
  public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> TOOL_CALL_RESULT = stringKey("gen_ai.tool.call.result");
  public static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");

  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  public static final AttributeKey<String> OPENAI_API_TYPE = stringKey("openai.api.type");
  public static final AttributeKey<String> OPENAI_SERVICE_TIER = stringKey("openai.response.service_tier");

  public static final AttributeKey<String> SESSION_ID = stringKey("session.id");
  public static final AttributeKey<String> USER_ID = stringKey("user.id");

  /** How a streaming span ended: completed, error, cancelled, closed (early) or timeout (abandoned). */
  public static final AttributeKey<String> SIGHTLINE_STREAM_END = stringKey("sightline.stream.end");
  /** Cost of the call in US dollars, from the bundled price catalogue; absent for unknown models. */
  public static final AttributeKey<Double> SIGHTLINE_COST_USD = doubleKey("sightline.cost.usd");

  private GenAiAttributes() {}
}
