package io.sightline.fakellm;

import java.util.Objects;

/**
 * A tool call the fake model asks for.
 *
 * @param name the tool (function) name
 * @param argumentsJson the arguments as a JSON object text, for example {@code {"city":"Paris"}}
 */
public record ToolCall(String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}
