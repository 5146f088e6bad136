package io.sightline.query.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored content handed out as structure when it is JSON, as text when it is not. */
class JsonTest {
  @ParameterizedTest
  @ValueSource(strings = {"{\"city\":\"Rome\"}", "[1,2]", "\"quoted\"", "-1.5", "42", " true", "false", "null"})
  void parseLenient_json_isStructure(String text) {
    JsonNode node = Json.parseLenient(text);

    assertThat(node.isTextual() && !text.startsWith("\"")).isFalse();
    assertThat(Json.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sunny in Rome", "truly sunny", "nullable", "{broken", "42 apples", "Error: timeout"})
  void parseLenient_plainOrBrokenText_isTheTextItself(String text) {
    assertThat(Json.parseLenient(text).textValue()).isEqualTo(text);
    assertThat(Json.isValid(text)).isFalse();
  }

  @Test
  void parseLenient_objectKeepsItsFields() {
    assertThat(Json.parseLenient("  {\"city\":\"Rome\"}").get("city").textValue()).isEqualTo("Rome");
  }

  @Test
  void emptyOrBlank_isNothing() {
    assertThat(Json.parseLenient("")).isNull();
    assertThat(Json.parseLenient(null)).isNull();
    assertThat(Json.isValid("   ")).isFalse();
  }
}
