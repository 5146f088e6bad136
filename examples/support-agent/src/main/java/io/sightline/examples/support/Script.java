package io.sightline.examples.support;

import java.util.List;
import java.util.Objects;

/**
 * The customers the demo plays: who writes, on which channel, what they say and what feedback
 * they leave. The demo's scripted model ({@code io.sightline.server.demo.SupportModel}) answers
 * these messages; keep the two in step when changing either.
 */
final class Script {
  private Script() {}

  /**
   * Email tickets go to the agent, which has tools; the help-centre chat widget streams quick
   * answers token by token straight from the model.
   */
  enum Channel { EMAIL, CHAT }

  /** Premium customers are served by the larger model. */
  enum Plan { STANDARD, PREMIUM }

  record Customer(String userId, Plan plan) {
    Customer {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** One message; {@code thumbsUp} is the customer's reaction to the answer (null: none). */
  record Message(String text, Boolean thumbsUp, String comment) {
    Message {
      Objects.requireNonNull(text, "text");
    }

    static Message of(String text) {
      return new Message(text, null, null);
    }

    static Message liked(String text) {
      return new Message(text, true, null);
    }

    static Message disliked(String text, String comment) {
      return new Message(text, false, comment);
    }
  }

  /** A conversation is one session; {@code rating} (1-5, null: none) rates the whole of it. */
  record Conversation(String topic, Customer customer, Channel channel, List<Message> messages,
      Integer rating, String ratingComment) {
    Conversation {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(channel, "channel");
      messages = List.copyOf(messages);
      if (messages.isEmpty()) {
        throw new IllegalArgumentException("conversation " + topic + " has no messages");
      }
      if (rating != null && (rating < 1 || rating > 5)) {
        throw new IllegalArgumentException("rating must be 1-5, was " + rating);
      }
    }
  }

  static final Customer ALICE = new Customer("alice", Plan.STANDARD);
  static final Customer BOB = new Customer("bob", Plan.STANDARD);
  static final Customer CAROL = new Customer("carol", Plan.PREMIUM);

  static final List<Conversation> CONVERSATIONS = List.of(
      // A tool call with a malformed id that the agent corrects itself, then a tool that is down.
      new Conversation("order-status", ALICE, Channel.EMAIL, List.of(
          Message.liked("Hi, where is my order 1234?"),
          Message.disliked("Will the storm in Berlin delay the delivery?",
              "It could not tell me anything about the storm")),
          null, null),
      // Retrieval over the refund policy, then a follow-up answered from the conversation.
      new Conversation("refund", BOB, Channel.EMAIL, List.of(
          Message.of("Can I still return the headphones I bought 20 days ago?"),
          Message.liked("How do I start the return?")),
          5, "Quick and clear"),
      // The larger model: rate limited once, then an answer cut off by the token limit.
      new Conversation("shipping-options", CAROL, Channel.EMAIL, List.of(
          Message.disliked("I'm sending a gift to Toronto. Compare express and standard shipping in full detail.",
              "The answer stops in the middle"),
          Message.of("Thanks. Which one arrives before Friday?")),
          2, "Had to ask twice"),
      // Streamed answers in the chat widget.
      new Conversation("gift-wrap", BOB, Channel.CHAT, List.of(
          Message.liked("Do you offer gift wrapping?"),
          Message.of("Can I add a card with a personal message?")),
          null, null));
}
