package io.sightline.fakellm;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server answers when no rule matches: an echo-style text, unless the last user message
 * carries a directive. Directives let programs that cannot use the Java API (the demo app, curl)
 * script the fake:
 *
 * <ul>
 *   <li>{@code [fake:error=429]} (any 4xx/5xx; 429 adds {@code retry-after: 1})
 *   <li>{@code [fake:hang=SECONDS]}: no answer for that long
 *   <li>{@code [fake:truncate]}: finish reason {@code length}
 *   <li>{@code [fake:tool=NAME {json args}]}: call that tool, unless tool results are already present
 *   <li>{@code [fake:delay=MILLIS]}: streaming first-chunk delay
 * </ul>
 */
final class DefaultReplies {
  private static final Pattern DIRECTIVE = Pattern.compile("\\[fake:(\\w+)(?:=([^\\]\\s]+)(?:\\s+(\\{.*?}))?)?]");

  private DefaultReplies() {}

  static Reply replyTo(LlmRequest request) {
    String user = request.lastUserText();
    Reply reply = null;
    Duration firstChunkDelay = Duration.ZERO;
    Matcher m = DIRECTIVE.matcher(user);
    while (m.find()) {
      String name = m.group(1);
      String value = m.group(2);
      switch (name) {
        case "error" -> {
          int status = Integer.parseInt(value);
          reply = status == 429 ? Reply.rateLimited(1) : Reply.error(status);
        }
        case "hang" -> reply = Reply.hang(Duration.ofSeconds(Long.parseLong(value)));
        case "truncate" -> reply = Reply.truncated(echo(user));
        case "tool" -> {
          if (!request.hasToolResults()) {
            reply = Reply.toolCall(value, m.group(3));
          }
        }
        case "delay" -> firstChunkDelay = Duration.ofMillis(Long.parseLong(value));
        default -> { }
      }
    }
    if (reply == null) {
      reply = Reply.text(request.hasToolResults() ? "Here is what the tools returned, summarised." : echo(user));
    }
    return reply.withStreamTiming(firstChunkDelay, reply.chunkDelay());
  }

  private static String echo(String user) {
    String clean = DIRECTIVE.matcher(user).replaceAll("").trim();
    if (clean.length() > 120) {
      clean = clean.substring(0, 120);
    }
    return clean.isEmpty() ? "Hello from the fake model." : "You said: " + clean;
  }
}
