package io.sightline.extension.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.JsonText;
import io.sightline.extension.genai.Messages;
import java.util.List;
import java.util.Locale;

/** LangChain4j chat requests and responses (any provider) → GenAI attributes. */
final class LangChain4jChat {
  private LangChain4jChat() {}

  static InferenceRequest request(ChatRequest request, ChatRequestParameters defaults, ModelProvider provider, boolean stream) {
    ChatRequestParameters p = defaults == null ? request.parameters() : defaults.overrideWith(request.parameters());
    InferenceRequest r = new InferenceRequest(InferenceRequest.CHAT, provider(provider))
        .model(p.modelName())
        .stream(stream)
        .temperature(p.temperature())
        .topP(p.topP())
        .topK(p.topK() == null ? null : p.topK().doubleValue())
        .frequencyPenalty(p.frequencyPenalty())
        .presencePenalty(p.presencePenalty())
        .maxTokens(p.maxOutputTokens() == null ? null : p.maxOutputTokens().longValue())
        .stopSequences(p.stopSequences());
    if (p.responseFormat() != null) {
      r.outputType(p.responseFormat().type() == ResponseFormatType.JSON ? "json" : "text");
    }
    if (HelperConfig.captureContent()) {
      r.content(input(request.messages()), null, toolDefinitions(p.toolSpecifications()));
    }
    return r;
  }

  /** LangChain4j's provider enum → {@code gen_ai.provider.name}. */
  static String provider(ModelProvider provider) {
    if (provider == null) {
      return "langchain4j";
    }
    switch (provider.name()) {
      case "OPEN_AI":
        return "openai";
      case "AZURE_OPEN_AI":
        return "azure.ai.openai";
      case "ANTHROPIC":
        return "anthropic";
      case "AMAZON_BEDROCK":
        return "aws.bedrock";
      case "GOOGLE_AI_GEMINI":
        return "gcp.gemini";
      case "GOOGLE_GENAI":
        return "gcp.gen_ai";
      case "GOOGLE_VERTEX_AI_GEMINI":
      case "GOOGLE_VERTEX_AI_ANTHROPIC":
        return "gcp.vertex_ai";
      case "MISTRAL_AI":
        return "mistral_ai";
      case "WATSONX":
        return "ibm.watsonx.ai";
      default:
        return provider.name().toLowerCase(Locale.ROOT);
    }
  }

  static InferenceResult result(ChatResponse response) {
    InferenceResult r = new InferenceResult().responseId(response.id()).responseModel(response.modelName());
    String finish = finishReason(response.finishReason());
    r.finishReason(finish);
    TokenUsage usage = response.tokenUsage();
    if (usage != null) {
      r.usage(toLong(usage.inputTokenCount()), toLong(usage.outputTokenCount()));
    }
    if (HelperConfig.captureContent() && response.aiMessage() != null) {
      Messages out = Messages.messages().begin("assistant");
      appendAi(out, response.aiMessage());
      r.outputMessages(out.end(finish));
    }
    return r;
  }

  static String finishReason(FinishReason reason) {
    if (reason == null) {
      return null;
    }
    switch (reason.name()) {
      case "TOOL_EXECUTION":
        return "tool_calls";
      default:
        return reason.name().toLowerCase(Locale.ROOT);
    }
  }

  static Messages input(List<ChatMessage> messages) {
    Messages out = Messages.messages();
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage) {
        out.begin("system").text(((SystemMessage) message).text()).end(null);
      } else if (message instanceof UserMessage) {
        out.begin("user");
        for (Content content : ((UserMessage) message).contents()) {
          if (content instanceof TextContent) {
            out.text(((TextContent) content).text());
          }
        }
        out.end(null);
      } else if (message instanceof AiMessage) {
        appendAi(out.begin("assistant"), (AiMessage) message);
        out.end(null);
      } else if (message instanceof ToolExecutionResultMessage) {
        ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
        out.begin("tool").toolCallResponse(result.id(), result.text()).end(null);
      }
    }
    return out;
  }

  private static void appendAi(Messages out, AiMessage ai) {
    if (ai.thinking() != null) {
      out.reasoning(ai.thinking());
    }
    if (ai.text() != null) {
      out.text(ai.text());
    }
    if (ai.toolExecutionRequests() != null) {
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        out.toolCall(call.id(), call.name(), call.arguments());
      }
    }
  }

  private static String toolDefinitions(List<ToolSpecification> tools) {
    if (tools == null || tools.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder("[");
    for (ToolSpecification tool : tools) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"type\":\"function\",\"name\":");
      JsonText.quote(sb, tool.name());
      if (tool.description() != null) {
        sb.append(",\"description\":");
        JsonText.quote(sb, tool.description());
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  private static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }
}
