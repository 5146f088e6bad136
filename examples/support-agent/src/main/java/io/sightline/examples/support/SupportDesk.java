package io.sightline.examples.support;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Handles one customer message, as the shop's backend would for a ticket from its mailbox or a
 * message from its chat widget. The handler is a span of its own ({@link WithSpan}); the agent
 * and the Sightline extension add the agent, model, tool and HTTP spans below it.
 */
final class SupportDesk {
  static final String CHAT_INSTRUCTIONS = "You answer general questions in the online shop's help-centre chat, "
      + "in two or three friendly sentences.";

  /** What the customer got back; {@code traceId} is all zeros when no agent traces the app. */
  record Answer(String traceId, String text, long latencyMillis, Long firstTokenMillis) {}

  private final Map<Script.Plan, SupportAssistant> agents;
  private final Map<Script.Plan, StreamingChatModel> chatModels;
  private final ChatMemoryProvider memories;

  SupportDesk(Map<Script.Plan, SupportAssistant> agents, Map<Script.Plan, StreamingChatModel> chatModels,
      ChatMemoryProvider memories) {
    this.agents = Map.copyOf(agents);
    this.chatModels = Map.copyOf(chatModels);
    this.memories = memories;
  }

  @WithSpan("support.handle_message")
  Answer handle(Script.Conversation conversation, String sessionId, String text) throws Exception {
    Span span = Span.current();
    span.setAttribute("session.id", sessionId);
    span.setAttribute("user.id", conversation.customer().userId());
    span.setAttribute("support.channel", conversation.channel().name().toLowerCase(Locale.ROOT));
    String traceId = span.getSpanContext().getTraceId();
    Script.Plan plan = conversation.customer().plan();
    long start = System.nanoTime();
    if (conversation.channel() == Script.Channel.EMAIL) {
      String reply = agents.get(plan).answer(sessionId, text);
      return new Answer(traceId, reply, millisSince(start), null);
    }
    ChatMemory memory = memories.get(sessionId);
    if (memory.messages().isEmpty()) {
      memory.add(SystemMessage.from(CHAT_INSTRUCTIONS));
    }
    memory.add(UserMessage.from(text));
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    long[] firstToken = {-1};
    StringBuilder streamed = new StringBuilder();
    chatModels.get(plan).chat(memory.messages(), new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String token) {
        if (firstToken[0] < 0) {
          firstToken[0] = millisSince(start);
        }
        streamed.append(token);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      memory.add(done.get(60, TimeUnit.SECONDS).aiMessage());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new IllegalStateException("no streamed answer within 60 s", e);
    }
    return new Answer(traceId, streamed.toString(), millisSince(start), firstToken[0] < 0 ? null : firstToken[0]);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
