package io.sightline.extension.genai;

import static io.sightline.extension.genai.GenAiAttributes.*;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.net.URI;
import java.util.List;

/**
 * What an instrumentation knows about a GenAI call before it is sent. Library adapters fill it;
 * {@link Inference#start} turns it into the span's start attributes (those samplers see).
 */
public final class InferenceRequest {
  public static final String CHAT = "chat";
  public static final String EMBEDDINGS = "embeddings";

  String operation = CHAT;
  String provider;
  String model;
  String serverAddress;
  Long serverPort;
  boolean stream;
  Long maxTokens;
  Double temperature;
  Double topP;
  Double topK;
  Double frequencyPenalty;
  Double presencePenalty;
  List<String> stopSequences;
  Long seed;
  Long choiceCount;
  List<String> encodingFormats;
  String outputType;
  String conversationId;
  String apiType;
  String inputMessages;
  String systemInstructions;
  String toolDefinitions;

  public InferenceRequest(String operation, String provider) {
    this.operation = operation;
    this.provider = provider;
  }

  public InferenceRequest model(String value) {
    model = value;
    return this;
  }

  /** Sets {@code server.address}/{@code server.port} from a base URL such as {@code https://api.openai.com/v1}. */
  public InferenceRequest serverUrl(String baseUrl) {
    if (baseUrl == null) {
      return this;
    }
    try {
      URI uri = URI.create(baseUrl);
      serverAddress = uri.getHost();
      int port = uri.getPort();
      if (port < 0) {
        port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
      }
      serverPort = (long) port;
    } catch (IllegalArgumentException e) {
      ExtensionLog.once("request.serverUrl", "unparseable base URL", null);
    }
    return this;
  }

  public InferenceRequest stream(boolean value) {
    stream = value;
    return this;
  }

  public InferenceRequest maxTokens(Long value) {
    maxTokens = value;
    return this;
  }

  public InferenceRequest temperature(Double value) {
    temperature = value;
    return this;
  }

  public InferenceRequest topP(Double value) {
    topP = value;
    return this;
  }

  public InferenceRequest topK(Double value) {
    topK = value;
    return this;
  }

  public InferenceRequest frequencyPenalty(Double value) {
    frequencyPenalty = value;
    return this;
  }

  public InferenceRequest presencePenalty(Double value) {
    presencePenalty = value;
    return this;
  }

  public InferenceRequest stopSequences(List<String> value) {
    stopSequences = value == null || value.isEmpty() ? null : value;
    return this;
  }

  public InferenceRequest seed(Long value) {
    seed = value;
    return this;
  }

  public InferenceRequest choiceCount(Long value) {
    choiceCount = value;
    return this;
  }

  public InferenceRequest encodingFormats(List<String> value) {
    encodingFormats = value;
    return this;
  }

  public InferenceRequest outputType(String value) {
    outputType = value;
    return this;
  }

  /** A conversation id native to the library or API (wins over the session id from baggage). */
  public InferenceRequest conversationId(String value) {
    conversationId = value;
    return this;
  }

  public InferenceRequest apiType(String value) {
    apiType = value;
    return this;
  }

  /** Content, only set when capture is on. */
  public InferenceRequest content(Messages input, Messages systemInstructions, String toolDefinitionsJson) {
    this.inputMessages = input == null || input.isEmpty() ? null : input.toJson();
    this.systemInstructions = systemInstructions == null || systemInstructions.isEmpty() ? null : systemInstructions.toJson();
    this.toolDefinitions = toolDefinitionsJson;
    return this;
  }

  String spanName() {
    return model == null || model.isEmpty() ? operation : operation + ' ' + model;
  }

  void startAttributes(AttributesBuilder b) {
    b.put(OPERATION_NAME, operation);
    put(b, PROVIDER_NAME, provider);
    put(b, REQUEST_MODEL, model);
    put(b, SERVER_ADDRESS, serverAddress);
    put(b, SERVER_PORT, serverPort);
    if (stream) {
      b.put(REQUEST_STREAM, true);
    }
    put(b, REQUEST_MAX_TOKENS, maxTokens);
    put(b, REQUEST_TEMPERATURE, temperature);
    put(b, REQUEST_TOP_P, topP);
    put(b, REQUEST_TOP_K, topK);
    put(b, REQUEST_FREQUENCY_PENALTY, frequencyPenalty);
    put(b, REQUEST_PRESENCE_PENALTY, presencePenalty);
    put(b, REQUEST_STOP_SEQUENCES, stopSequences);
    put(b, REQUEST_SEED, seed);
    put(b, REQUEST_CHOICE_COUNT, choiceCount);
    put(b, REQUEST_ENCODING_FORMATS, encodingFormats);
    put(b, OUTPUT_TYPE, outputType);
    put(b, CONVERSATION_ID, conversationId);
    put(b, OPENAI_API_TYPE, apiType);
    put(b, INPUT_MESSAGES, inputMessages);
    put(b, SYSTEM_INSTRUCTIONS, systemInstructions);
    put(b, TOOL_DEFINITIONS, toolDefinitions);
  }

  static <T> void put(AttributesBuilder b, AttributeKey<T> key, T value) {
    if (value != null) {
      b.put(key, value);
    }
  }
}
