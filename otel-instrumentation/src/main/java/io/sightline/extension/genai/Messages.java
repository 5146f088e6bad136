package io.sightline.extension.genai;

/**
 * Builds content attributes as JSON in the GenAI message schema ({@code [{"role":..,"parts":[..]}]},
 * part types {@code text}, {@code reasoning}, {@code tool_call}, {@code tool_call_response}), within
 * a character budget: a part that does not fit is cut and marked, later parts are dropped, and the
 * result stays valid JSON. Redaction runs agent-side on the finished attribute, before export.
 */
public final class Messages {
  static final String TRUNCATED_MARK = "…[truncated]";

  private final StringBuilder json = new StringBuilder(256).append('[');
  private final int budget;
  private final boolean partsOnly;
  private boolean inMessage;
  private boolean firstItem = true;
  private boolean firstPart = true;
  private boolean full;

  private Messages(int budget, boolean partsOnly) {
    this.budget = budget;
    this.partsOnly = partsOnly;
  }

  /** A list of messages ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}). */
  public static Messages messages() {
    return new Messages(HelperConfig.contentMaxLength, false);
  }

  /** A bare list of parts ({@code gen_ai.system_instructions}). */
  public static Messages parts() {
    return new Messages(HelperConfig.contentMaxLength, true);
  }

  static Messages messages(int budget) {
    return new Messages(budget, false);
  }

  public Messages begin(String role) {
    if (partsOnly || full) {
      return this;
    }
    closeMessage(null);
    comma();
    json.append("{\"role\":");
    JsonText.quote(json, role == null ? "unknown" : role);
    json.append(",\"parts\":[");
    inMessage = true;
    firstPart = true;
    return this;
  }

  public Messages text(String content) {
    return content == null ? this : part("text", "content", content);
  }

  public Messages reasoning(String content) {
    return content == null ? this : part("reasoning", "content", content);
  }

  public Messages toolCall(String id, String name, String arguments) {
    if (!startPart("tool_call")) {
      return this;
    }
    field("id", id);
    field("name", name);
    if (arguments != null) {
      json.append(",\"arguments\":");
      quoteWithinBudget(arguments);
    }
    json.append('}');
    return this;
  }

  public Messages toolCallResponse(String id, String response) {
    if (!startPart("tool_call_response")) {
      return this;
    }
    field("id", id);
    json.append(",\"response\":");
    quoteWithinBudget(response == null ? "" : response);
    json.append('}');
    return this;
  }

  /** Ends the current message; {@code finishReason} is added for output messages when non-null. */
  public Messages end(String finishReason) {
    closeMessage(finishReason);
    return this;
  }

  public boolean isEmpty() {
    return firstItem;
  }

  public String toJson() {
    closeMessage(null);
    return json.toString() + ']';
  }

  private Messages part(String type, String key, String content) {
    if (!startPart(type)) {
      return this;
    }
    json.append(",\"").append(key).append("\":");
    quoteWithinBudget(content);
    json.append('}');
    return this;
  }

  private boolean startPart(String type) {
    if (full || (!partsOnly && !inMessage)) {
      return false;
    }
    if (partsOnly) {
      comma();
    } else {
      if (!firstPart) {
        json.append(',');
      }
      firstPart = false;
    }
    json.append("{\"type\":\"").append(type).append('"');
    return true;
  }

  private void field(String name, String value) {
    if (value != null) {
      json.append(",\"").append(name).append("\":");
      JsonText.quote(json, value);
    }
  }

  private void quoteWithinBudget(String value) {
    int room = budget - json.length();
    if (value.length() + 2 <= room) {
      JsonText.quote(json, value);
      return;
    }
    full = true;
    int keep = Math.max(0, room - TRUNCATED_MARK.length() - 2);
    JsonText.quote(json, value.substring(0, Math.min(keep, value.length())) + TRUNCATED_MARK);
  }

  private void comma() {
    if (!firstItem) {
      json.append(',');
    }
    firstItem = false;
  }

  private void closeMessage(String finishReason) {
    if (!inMessage) {
      return;
    }
    json.append(']');
    if (finishReason != null) {
      json.append(",\"finish_reason\":");
      JsonText.quote(json, finishReason);
    }
    json.append('}');
    inMessage = false;
  }
}
