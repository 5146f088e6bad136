package io.sightline.examples.support;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;

/** The LangChain4j AI service answering email tickets: one chat memory per session, the tools of {@link SupportTools}. */
public interface SupportAssistant {
  @SystemMessage("""
      You are the customer-support assistant of an online shop. Answer briefly and concretely.
      Use the tools to look up orders, weather warnings on the delivery route and the refund policy;
      never invent order details. If a tool fails, tell the customer what you could not check.""")
  String answer(@MemoryId String sessionId, @UserMessage String message);
}
