package io.sightline.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A deterministic fake LLM provider speaking the OpenAI ({@code /v1/chat/completions},
 * {@code /v1/responses}, {@code /v1/embeddings}) and Anthropic ({@code /v1/messages}) wire formats,
 * streaming included, on a JDK {@link HttpServer} bound to the loopback address.
 *
 * <pre>{@code
 * try (FakeLlmServer llm = FakeLlmServer.start()) {
 *   llm.on(Match.userSays("weather").and(Match.hasToolResults().negate()),
 *          Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"));
 *   llm.once(Match.api(Api.ANTHROPIC_MESSAGES), Reply.rateLimited(2));
 *   llm.on(Match.streaming(), Reply.text("Hi there").withStreamTiming(ofMillis(200), ofMillis(10)));
 *   // point an OpenAI client at llm.baseUrl() + "/v1", an Anthropic client at llm.baseUrl()
 *   ...
 *   assertThat(llm.requests()).allSatisfy(r -> assertThat(r.header("baggage")).isNull());
 * }
 * }</pre>
 *
 * <p>Rules are tried in the order they were added; the first whose predicate matches answers (a
 * {@link #once} rule only the first time). Without a matching rule the server answers an echo of
 * the last user message, or follows the {@code [fake:...]} directives in it (see
 * {@link DefaultReplies}). Ids are {@code <prefix>000001}, {@code <prefix>000002}, ... in arrival
 * order and {@code created} timestamps are fixed, so the same request sequence always gets the
 * same bytes back. The last {@value #MAX_RECORDED} requests are recorded for assertions.
 *
 * <p>Standalone: {@code java -jar fake-llm.jar [--port 8089]}.
 */
public final class FakeLlmServer implements AutoCloseable {
  /** How many requests {@link #requests()} keeps (oldest dropped first). */
  public static final int MAX_RECORDED = 10_000;

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final ArrayDeque<LlmRequest> recorded = new ArrayDeque<>();
  private final AtomicLong sequence = new AtomicLong();
  private final OpenAiChat chat = new OpenAiChat(mapper);
  private final Embeddings embeddings = new Embeddings(mapper);
  private final AnthropicMessages anthropic = new AnthropicMessages(mapper);

  private record Rule(Predicate<LlmRequest> when, Function<LlmRequest, Reply> reply, AtomicInteger remaining) {}

  private FakeLlmServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server on an ephemeral loopback port. */
  public static FakeLlmServer start() {
    return start(0);
  }

  /** Starts a server on the given loopback port (0 = ephemeral). */
  public static FakeLlmServer start(int port) {
    try {
      return new FakeLlmServer(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the fake LLM server to port " + port, e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash and without {@code /v1}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers every matching request with {@code reply}. */
  public FakeLlmServer on(Predicate<LlmRequest> when, Reply reply) {
    return on(when, r -> reply);
  }

  /** Answers every matching request with the reply computed from it. */
  public FakeLlmServer on(Predicate<LlmRequest> when, Function<LlmRequest, Reply> reply) {
    rules.add(new Rule(when, reply, new AtomicInteger(-1)));
    return this;
  }

  /** Answers the first matching request with {@code reply}; the rule is then used up. */
  public FakeLlmServer once(Predicate<LlmRequest> when, Reply reply) {
    rules.add(new Rule(when, r -> reply, new AtomicInteger(1)));
    return this;
  }

  /** The recorded requests, oldest first. */
  public List<LlmRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Forgets recorded requests. */
  public void clearRequests() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  /** Forgets rules and recorded requests and restarts ids at 1. */
  public void reset() {
    rules.clear();
    clearRequests();
    sequence.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      LlmRequest request = read(exchange);
      synchronized (recorded) {
        if (recorded.size() == MAX_RECORDED) {
          recorded.removeFirst();
        }
        recorded.addLast(request);
      }
      long seq = sequence.incrementAndGet();
      exchange.getResponseHeaders().set("x-request-id", String.format("req_fake_%06d", seq));
      if (request.api() == Api.UNKNOWN || !"POST".equals(request.method())) {
        sendJson(exchange, 404, errorBody(request.api(), 404, "no such endpoint: " + request.path()));
        return;
      }
      if (request.json().isMissingNode()) {
        sendJson(exchange, 400, errorBody(request.api(), 400, "request body is not JSON"));
        return;
      }
      Answer answer = Answer.of(pick(request), request, seq);
      respond(exchange, answer);
    } catch (IOException e) {
      // The client went away (read time-out, cancelled stream): nothing left to answer.
    }
  }

  private Reply pick(LlmRequest request) {
    for (Rule rule : rules) {
      if (rule.remaining().get() != 0 && rule.when().test(request)) {
        if (rule.remaining().get() < 0 || rule.remaining().getAndDecrement() > 0) {
          return rule.reply().apply(request);
        }
      }
    }
    return DefaultReplies.replyTo(request);
  }

  private void respond(HttpExchange exchange, Answer a) throws IOException {
    Reply reply = a.reply();
    switch (reply.kind()) {
      case ERROR -> {
        if (reply.retryAfterSeconds() != null) {
          exchange.getResponseHeaders().set("retry-after", String.valueOf(reply.retryAfterSeconds()));
        }
        sendJson(exchange, reply.status(), errorBody(a.request().api(), reply.status(), errorMessage(reply.status())));
        return;
      }
      case HANG -> Sse.pause(reply.hang());
      default -> { }
    }
    LlmRequest request = a.request();
    if (request.api() == Api.EMBEDDINGS) {
      sendJson(exchange, 200, embeddings.response(a));
    } else if (request.stream()) {
      Sse sse = new Sse(exchange, mapper);
      switch (request.api()) {
        case CHAT_COMPLETIONS -> chat.stream(a, sse);
        case RESPONSES -> new OpenAiResponses(mapper).stream(a, sse);
        default -> anthropic.stream(a, sse);
      }
    } else {
      ObjectNode body = switch (request.api()) {
        case CHAT_COMPLETIONS -> chat.completion(a);
        case RESPONSES -> new OpenAiResponses(mapper).response(a);
        default -> anthropic.message(a);
      };
      sendJson(exchange, 200, body);
    }
  }

  private LlmRequest read(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    JsonNode json = null;
    try {
      json = body.isBlank() ? null : mapper.readTree(body);
    } catch (IOException notJson) {
      // recorded as-is; answered with 400
    }
    String path = exchange.getRequestURI().getPath();
    return new LlmRequest(exchange.getRequestMethod(), path, headers, body, Api.forPath(path), json);
  }

  private ObjectNode errorBody(Api api, int status, String message) {
    if (api == Api.ANTHROPIC_MESSAGES) {
      ObjectNode root = mapper.createObjectNode().put("type", "error");
      root.putObject("error").put("type", anthropicErrorType(status)).put("message", message);
      return root;
    }
    ObjectNode root = mapper.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message).put("type", status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error");
    error.putNull("param");
    if (status == 429) {
      error.put("code", "rate_limit_exceeded");
    } else {
      error.putNull("code");
    }
    return root;
  }

  private static String anthropicErrorType(int status) {
    return switch (status) {
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      case 401 -> "authentication_error";
      case 404 -> "not_found_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }

  private static String errorMessage(int status) {
    return switch (status) {
      case 429 -> "Rate limit reached (fake). Please retry after the indicated time.";
      case 500 -> "The server had an error while processing your request (fake).";
      default -> "Fake error " + status + ".";
    };
  }

  private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Runs the server standalone: {@code --port N} (default 8089). Stops on Ctrl-C. */
  public static void main(String[] args) throws InterruptedException {
    int port = 8089;
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i < rest.size(); i++) {
      if ("--port".equals(rest.get(i)) && i + 1 < rest.size()) {
        port = Integer.parseInt(rest.get(++i));
      } else if ("--help".equals(rest.get(i))) {
        System.out.println("usage: fake-llm [--port N]   (default 8089)");
        return;
      } else {
        System.err.println("unknown argument: " + rest.get(i) + " (try --help)");
        System.exit(2);
      }
    }
    FakeLlmServer server = start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("fake-llm listening on " + server.baseUrl());
    Thread.currentThread().join();
  }
}
