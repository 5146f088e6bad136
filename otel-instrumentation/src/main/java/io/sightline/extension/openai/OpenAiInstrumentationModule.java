package io.sightline.extension.openai;

import com.google.auto.service.AutoService;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.sightline.extension.genai.HelperClasses;
import io.sightline.extension.instrumentation.LibraryVersion;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** openai-java 4.x: chat completions, Responses API, embeddings (blocking and async, streaming). */
@AutoService(InstrumentationModule.class)
public class OpenAiInstrumentationModule extends InstrumentationModule {
  public OpenAiInstrumentationModule() {
    super("sightline-openai", "sightline");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    return new LibraryVersion("com.openai.core.ClientOptions", "com.openai/openai-java-core", "4.0.0", "5.0.0");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new OpenAiServiceInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.withCore(
        "io.sightline.extension.openai.OpenAiContent",
        "io.sightline.extension.openai.StreamedChoice",
        "io.sightline.extension.openai.OpenAiChat",
        "io.sightline.extension.openai.OpenAiChat$Chunks",
        "io.sightline.extension.openai.OpenAiResponses",
        "io.sightline.extension.openai.OpenAiResponses$Events",
        "io.sightline.extension.openai.OpenAiEmbeddings",
        "io.sightline.extension.openai.TracedStreamResponse",
        "io.sightline.extension.openai.TracedAsyncStreamResponse",
        "io.sightline.extension.openai.TracedAsyncStreamResponse$TracingHandler",
        "io.sightline.extension.openai.OpenAiCall",
        "io.sightline.extension.openai.OpenAiCall$1");
  }
}
