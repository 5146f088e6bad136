package io.sightline.extension.springai;

import io.sightline.extension.genai.HelperConfig;
import io.sightline.extension.genai.InferenceRequest;
import io.sightline.extension.genai.InferenceResult;
import io.sightline.extension.genai.Messages;
import java.util.Locale;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** Spring AI prompts and chat responses (any provider) → GenAI attributes. */
final class SpringAiChat {
  private SpringAiChat() {}

  static InferenceRequest request(ChatModel model, Prompt prompt, boolean stream) {
    ChatOptions options = prompt.getOptions() != null ? prompt.getOptions() : model.getDefaultOptions();
    InferenceRequest r = new InferenceRequest(InferenceRequest.CHAT, provider(model)).stream(stream);
    if (options != null) {
      String modelName = options.getModel();
      if (modelName == null && model.getDefaultOptions() != null) {
        modelName = model.getDefaultOptions().getModel();
      }
      r.model(modelName)
          .temperature(options.getTemperature())
          .topP(options.getTopP())
          .topK(options.getTopK() == null ? null : options.getTopK().doubleValue())
          .frequencyPenalty(options.getFrequencyPenalty())
          .presencePenalty(options.getPresencePenalty())
          .maxTokens(options.getMaxTokens() == null ? null : options.getMaxTokens().longValue())
          .stopSequences(options.getStopSequences());
    }
    if (HelperConfig.captureContent()) {
      r.content(input(prompt), null, null);
    }
    return r;
  }

  /** The provider, from the model class Spring AI ships for it ({@code OpenAiChatModel} → openai). */
  static String provider(ChatModel model) {
    String name = model.getClass().getSimpleName().replace("ChatModel", "").toLowerCase(Locale.ROOT);
    switch (name) {
      case "openai":
        return "openai";
      case "azureopenai":
        return "azure.ai.openai";
      case "anthropic":
        return "anthropic";
      case "mistralai":
        return "mistral_ai";
      case "bedrockproxy":
        return "aws.bedrock";
      case "vertexaigemini":
        return "gcp.vertex_ai";
      case "googlegenai":
        return "gcp.gen_ai";
      default:
        return name.isEmpty() ? "spring_ai" : name;
    }
  }

  static InferenceResult result(ChatResponse response) {
    InferenceResult r = new InferenceResult();
    if (response.getMetadata() != null) {
      r.responseId(response.getMetadata().getId()).responseModel(response.getMetadata().getModel());
      usage(r, response.getMetadata().getUsage());
    }
    for (Generation g : response.getResults()) {
      r.finishReason(finishReason(g));
    }
    if (HelperConfig.captureContent()) {
      Messages out = Messages.messages();
      for (Generation g : response.getResults()) {
        appendAssistant(out.begin("assistant"), g.getOutput());
        out.end(finishReason(g));
      }
      r.outputMessages(out);
    }
    return r;
  }

  static void usage(InferenceResult r, Usage usage) {
    if (usage == null || (usage.getPromptTokens() == null && usage.getCompletionTokens() == null)) {
      return;
    }
    Integer input = usage.getPromptTokens();
    Integer output = usage.getCompletionTokens();
    r.usage(input == null ? null : input.longValue(), output == null ? null : output.longValue());
  }

  static String finishReason(Generation g) {
    String reason = g.getMetadata() == null ? null : g.getMetadata().getFinishReason();
    return reason == null || reason.isEmpty() ? null : reason.toLowerCase(Locale.ROOT);
  }

  static Messages input(Prompt prompt) {
    Messages out = Messages.messages();
    for (Message m : prompt.getInstructions()) {
      if (m instanceof SystemMessage) {
        out.begin("system").text(m.getText()).end(null);
      } else if (m instanceof UserMessage) {
        out.begin("user").text(m.getText()).end(null);
      } else if (m instanceof AssistantMessage) {
        appendAssistant(out.begin("assistant"), (AssistantMessage) m);
        out.end(null);
      } else if (m instanceof ToolResponseMessage) {
        out.begin("tool");
        for (Object response : ((ToolResponseMessage) m).getResponses()) {
          out.toolCallResponse(component(response, "id"), component(response, "responseData"));
        }
        out.end(null);
      }
    }
    return out;
  }

  static void appendAssistant(Messages out, AssistantMessage message) {
    if (message == null) {
      return;
    }
    String text = message.getText();
    if (text != null && !text.isEmpty()) {
      out.text(text);
    }
    for (Object call : message.getToolCalls()) {
      out.toolCall(component(call, "id"), component(call, "name"), component(call, "arguments"));
    }
  }

  /**
   * A string component of a Spring AI record ({@code ToolCall}, {@code ToolResponse}). Read
   * reflectively because the extension compiles to Java 8, where records cannot be referenced;
   * only used when content capture is on.
   */
  static String component(Object record, String name) {
    try {
      Object value = record.getClass().getMethod(name).invoke(record);
      return value == null ? null : value.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
