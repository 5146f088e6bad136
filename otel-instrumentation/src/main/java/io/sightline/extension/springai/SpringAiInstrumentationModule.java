package io.sightline.extension.springai;

import com.google.auto.service.AutoService;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.sightline.extension.genai.HelperClasses;
import io.sightline.extension.instrumentation.LibraryVersion;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring AI 2.x: {@code ChatModel} call/stream (the inference span; when the provider SDK is also
 * instrumented, the SDK level only enriches it) and tool callbacks.
 */
@AutoService(InstrumentationModule.class)
public class SpringAiInstrumentationModule extends InstrumentationModule {
  public SpringAiInstrumentationModule() {
    super("sightline-spring-ai", "sightline");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    return new LibraryVersion("org.springframework.ai.chat.model.ChatModel", "org.springframework.ai/spring-ai-model",
        "2.0.0", "3.0.0");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new ChatModelInstrumentation(), new ToolCallbackInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.withCore(
        "io.sightline.extension.springai.SpringAiChat",
        "io.sightline.extension.springai.StreamedChatResponses",
        "io.sightline.extension.springai.SpringAiCalls$StreamCall",
        "io.sightline.extension.springai.SpringAiCalls");
  }
}
