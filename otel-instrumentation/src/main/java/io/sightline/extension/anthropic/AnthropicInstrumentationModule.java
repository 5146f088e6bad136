package io.sightline.extension.anthropic;

import com.google.auto.service.AutoService;
import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.sightline.extension.genai.HelperClasses;
import io.sightline.extension.instrumentation.LibraryVersion;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/** anthropic-java 3.x: messages and beta messages (blocking and async, streaming). */
@AutoService(InstrumentationModule.class)
public class AnthropicInstrumentationModule extends InstrumentationModule {
  public AnthropicInstrumentationModule() {
    super("sightline-anthropic", "sightline");
  }

  @Override
  public ElementMatcher.Junction<ClassLoader> classLoaderMatcher() {
    return new LibraryVersion("com.anthropic.core.ClientOptions", "com.anthropic/anthropic-java-core", "3.14.0", "4.0.0");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(new AnthropicMessageServiceInstrumentation());
  }

  @Override
  public List<String> getAdditionalHelperClassNames() {
    return HelperClasses.withCore(
        "io.sightline.extension.anthropic.AnthropicJson",
        "io.sightline.extension.anthropic.AnthropicEvents",
        "io.sightline.extension.anthropic.AnthropicEvents$Block",
        "io.sightline.extension.anthropic.AnthropicStreamResponse",
        "io.sightline.extension.anthropic.AnthropicAsyncStreamResponse",
        "io.sightline.extension.anthropic.AnthropicAsyncStreamResponse$TracingHandler",
        "io.sightline.extension.anthropic.AnthropicCall",
        "io.sightline.extension.anthropic.AnthropicCall$1");
  }
}
