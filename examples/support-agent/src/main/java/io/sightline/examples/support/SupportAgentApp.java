package io.sightline.examples.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer-support agent on LangChain4j and the OpenAI API, playing the conversations of
 * {@link Script}: each conversation is a session, each message a trace. Run it with the
 * OpenTelemetry Java agent and sightline-extension.jar attached to see it in Sightline.
 *
 * <pre>
 * OPENAI_BASE_URL   the OpenAI-compatible endpoint (default https://api.openai.com/v1)
 * OPENAI_API_KEY    its key (required)
 * SIGHTLINE_API_URL where customer feedback is posted (default http://localhost:8080)
 * SIGHTLINE_API_KEY Sightline API key, when Sightline requires one
 * --run-id ID       prefix of this run's session ids (default: random)
 * --report FILE     write what was played (sessions, traces, answers, feedback) as JSON
 * </pre>
 *
 * Exits 0 when every message was answered and all feedback was posted, 1 otherwise.
 */
public final class SupportAgentApp {
  static final String MODEL = "gpt-4o-mini";
  static final String PREMIUM_MODEL = "gpt-4o";
  /** Premium answers are capped: long ones come back cut off (finish reason {@code length}). */
  static final int PREMIUM_MAX_TOKENS = 120;

  private final SupportDesk desk;
  private final SightlineFeedback feedback;
  private int failures;

  private SupportAgentApp(SupportDesk desk, SightlineFeedback feedback) {
    this.desk = desk;
    this.feedback = feedback;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = options(args);
    String apiKey = env("OPENAI_API_KEY", null);
    if (apiKey == null) {
      System.err.println("support-agent: set OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server)");
      System.exit(2);
    }
    String baseUrl = env("OPENAI_BASE_URL", "https://api.openai.com/v1");
    String random = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    String runId = options.getOrDefault("--run-id", "0".repeat(4 - random.length()) + random);
    SupportAgentApp app = new SupportAgentApp(desk(baseUrl, apiKey),
        new SightlineFeedback(env("SIGHTLINE_API_URL", "http://localhost:8080"), env("SIGHTLINE_API_KEY", null)));

    System.out.println("support-agent: " + Script.CONVERSATIONS.size() + " conversations against " + baseUrl
        + " (run " + runId + ")");
    List<Played.Session> sessions = new ArrayList<>();
    for (Script.Conversation c : Script.CONVERSATIONS) {
      sessions.add(app.play(runId + "-" + c.topic(), c));
    }
    // Customers click after reading; by then the traces have been exported.
    sessions.forEach(app::postFeedback);
    if (options.containsKey("--report")) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(options.get("--report")).toFile(), new Played(runId, sessions));
    }
    System.out.println("support-agent: done, " + app.failures + " failure(s)");
    System.exit(app.failures == 0 ? 0 : 1);
  }

  private Played.Session play(String sessionId, Script.Conversation c) {
    String user = c.customer().userId();
    List<Played.Turn> turns = new ArrayList<>();
    List<Played.Feedback> given = new ArrayList<>();
    // Session and user ids travel as baggage; the extension copies them onto every GenAI span.
    try (Scope ignored = Baggage.current().toBuilder().put("session.id", sessionId).put("user.id", user)
        .build().makeCurrent()) {
      for (Script.Message m : c.messages()) {
        System.out.println("[" + c.topic() + "] " + user + ": " + m.text());
        try {
          SupportDesk.Answer a = desk.handle(c, sessionId, m.text());
          System.out.println("[" + c.topic() + "] assistant (" + timing(a) + "): " + a.text());
          turns.add(new Played.Turn(a.traceId(), m.text(), a.text(), a.latencyMillis(), a.firstTokenMillis()));
          if (m.thumbsUp() != null && TraceId.isValid(a.traceId())) {
            given.add(new Played.Feedback("thumbs", a.traceId(), m.thumbsUp(), m.comment()));
          }
        } catch (Exception e) {
          failures++;
          System.out.println("[" + c.topic() + "] no answer: " + e);
        }
      }
    }
    if (c.rating() != null) {
      given.add(new Played.Feedback("rating", null, c.rating(), c.ratingComment()));
    }
    String model = c.customer().plan() == Script.Plan.PREMIUM ? PREMIUM_MODEL : MODEL;
    return new Played.Session(sessionId, user, c.topic(), c.channel().name().toLowerCase(Locale.ROOT), model,
        turns, given);
  }

  private void postFeedback(Played.Session s) {
    for (int i = 0; i < s.feedback().size(); i++) {
      Played.Feedback f = s.feedback().get(i);
      String idempotencyKey = s.sessionId() + "-feedback-" + i;
      try {
        if (f.onTrace()) {
          feedback.thumbs(f.traceId(), (Boolean) f.value(), f.comment(), s.userId(), idempotencyKey);
        } else {
          feedback.rating(s.sessionId(), (Integer) f.value(), f.comment(), s.userId(), idempotencyKey);
        }
        System.out.println("[" + s.topic() + "] " + s.userId() + " gave " + describe(f));
      } catch (RuntimeException e) {
        failures++;
        System.out.println("[" + s.topic() + "] feedback not posted: " + e.getMessage());
      }
    }
  }

  private static SupportDesk desk(String baseUrl, String apiKey) {
    // One memory per session id, whichever channel and model answer.
    InMemoryChatMemoryStore store = new InMemoryChatMemoryStore();
    ChatMemoryProvider memories = id -> MessageWindowChatMemory.builder().id(id).maxMessages(30)
        .chatMemoryStore(store).build();
    SupportTools tools = new SupportTools(new PolicyRetriever(), new WeatherService());
    Map<Script.Plan, SupportAssistant> agents = new EnumMap<>(Script.Plan.class);
    Map<Script.Plan, StreamingChatModel> chat = new EnumMap<>(Script.Plan.class);
    for (Script.Plan plan : Script.Plan.values()) {
      boolean premium = plan == Script.Plan.PREMIUM;
      String model = premium ? PREMIUM_MODEL : MODEL;
      Integer maxTokens = premium ? PREMIUM_MAX_TOKENS : null;
      agents.put(plan, AiServices.builder(SupportAssistant.class)
          .chatModel(OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
              .maxTokens(maxTokens).temperature(0.2).maxRetries(2).timeout(Duration.ofSeconds(30)).build())
          .chatMemoryProvider(memories)
          .tools(tools)
          // A failing tool's message goes back to the model, which can correct its call or tell the customer.
          .toolExecutionErrorHandler((error, context) -> ToolErrorHandlerResult.text(error.getMessage()))
          .build());
      chat.put(plan, OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
          .maxTokens(maxTokens).temperature(0.2).timeout(Duration.ofSeconds(30)).build());
    }
    return new SupportDesk(agents, chat, memories);
  }

  private static String describe(Played.Feedback f) {
    String what = f.onTrace() ? ((Boolean) f.value() ? "thumbs up" : "thumbs down") : "a rating of " + f.value() + "/5";
    return what + (f.comment() == null ? "" : " (\"" + f.comment() + "\")");
  }

  private static String timing(SupportDesk.Answer a) {
    String total = String.format(Locale.ROOT, "%.1f s", a.latencyMillis() / 1000.0);
    return a.firstTokenMillis() == null ? total
        : "streamed, first token after " + a.firstTokenMillis() + " ms, " + total;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if ((args[i].equals("--run-id") || args[i].equals("--report")) && i + 1 < args.length) {
        out.put(args[i], args[++i]);
      } else {
        System.err.println("support-agent: unknown argument " + args[i] + " (usage: [--run-id ID] [--report FILE])");
        System.exit(2);
      }
    }
    return out;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
