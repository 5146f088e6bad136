package io.sightline.extension.langchain4j;

import com.google.auto.service.AutoService;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.sightline.extension.genai.HelperClasses;
import io.sightline.extension.instrumentation.LibraryVersion;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** LangChain4j 1.x: chat and streaming chat (any provider), AI services, tool execution. */
@AutoService(InstrumentationModule.class)
public class LangChain4jInstrumentationModule extends InstrumentationModule {
  public LangChain4jInstrumentationModule() {
    super("sightline-langchain4j", "sightline");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    return new LibraryVersion("dev.langchain4j.model.chat.ChatRequestOptions", "dev.langchain4j/langchain4j-core",
        "1.19.0", "2.0.0");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.asList(new ChatModelInstrumentation(), new StreamingChatModelInstrumentation(),
        new AiServiceInstrumentation(), new TokenStreamInstrumentation(), new StreamedAgentEndInstrumentation(),
        new ToolExecutionInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.withCore(
        "io.sightline.extension.langchain4j.LangChain4jChat",
        "io.sightline.extension.langchain4j.StreamedChatResponse",
        "io.sightline.extension.langchain4j.TracingStreamingHandler",
        "io.sightline.extension.langchain4j.AgentStreams",
        "io.sightline.extension.langchain4j.LangChain4jCalls");
  }
}
