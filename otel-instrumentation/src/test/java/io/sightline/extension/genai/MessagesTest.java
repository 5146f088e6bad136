package io.sightline.extension.genai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void messages_followTheGenAiSchema() throws Exception {
    String json = Messages.messages(10_000)
        .begin("user").text("Hi \"there\"\n").end(null)
        .begin("assistant").toolCall("c1", "lookup", "{\"q\":1}").end(null)
        .begin("tool").toolCallResponse("c1", "42").end(null)
        .begin("assistant").reasoning("thinking").text("It is 42").end("stop")
        .toJson();

    JsonNode tree = JSON.readTree(json);
    assertThat(tree).hasSize(4);
    assertThat(tree.at("/0/parts/0/content").asText()).isEqualTo("Hi \"there\"\n");
    assertThat(tree.at("/1/parts/0/type").asText()).isEqualTo("tool_call");
    assertThat(tree.at("/1/parts/0/arguments").asText()).isEqualTo("{\"q\":1}");
    assertThat(tree.at("/2/parts/0/type").asText()).isEqualTo("tool_call_response");
    assertThat(tree.at("/3/parts/0/type").asText()).isEqualTo("reasoning");
    assertThat(tree.at("/3/finish_reason").asText()).isEqualTo("stop");
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 80, 200})
  void overBudget_cutsContent_staysValidJson_andDropsLaterParts(int budget) throws Exception {
    String json = Messages.messages(budget)
        .begin("user").text("x".repeat(500)).end(null)
        .begin("user").text("never seen").end(null)
        .toJson();

    JsonNode tree = JSON.readTree(json);
    assertThat(tree.at("/0/parts/0/content").asText()).endsWith(Messages.TRUNCATED_MARK);
    assertThat(json).doesNotContain("never seen").hasSizeLessThan(budget + 40);
  }

  @Test
  void parts_areABareList() throws Exception {
    assertThat(JSON.readTree(Messages.parts().text("Be brief").toJson()).at("/0/content").asText()).isEqualTo("Be brief");
  }
}
