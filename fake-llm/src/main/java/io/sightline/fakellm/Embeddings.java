package io.sightline.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** OpenAI {@code /v1/embeddings}: one deterministic vector per input, derived from its text. */
final class Embeddings {
  private static final int DEFAULT_DIMENSIONS = 8;
  private final ObjectMapper mapper;

  Embeddings(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode response(Answer a) {
    JsonNode request = a.request().json();
    List<String> inputs = new ArrayList<>();
    JsonNode input = request.path("input");
    if (input.isArray()) {
      input.forEach(n -> inputs.add(n.toString()));
    } else {
      inputs.add(input.asText());
    }
    int dimensions = request.path("dimensions").asInt(DEFAULT_DIMENSIONS);
    boolean base64 = "base64".equals(request.path("encoding_format").asText());
    ObjectNode root = mapper.createObjectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      float[] vector = vector(inputs.get(i), dimensions);
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
          buffer.putFloat(v);
        }
        item.put("embedding", Base64.getEncoder().encodeToString(buffer.array()));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float v : vector) {
          values.add(v);
        }
      }
      tokens += Answer.estimate(inputs.get(i)) + 1;
    }
    root.put("model", a.model());
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return root;
  }

  private static float[] vector(String text, int dimensions) {
    float[] v = new float[dimensions];
    int h = text.hashCode();
    for (int i = 0; i < dimensions; i++) {
      h = h * 31 + i;
      v[i] = (h % 1000) / 1000f;
    }
    return v;
  }
}
