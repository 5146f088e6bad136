package io.sightline.extension.langchain4j;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AiServiceStreamingResponseHandler}: LangChain4j reports a streamed AI-service run as
 * complete ({@code fireInvocationComplete}, before the application's handler, whether or not it
 * set one) or failed ({@code onError}); either ends the run's agent span.
 */
public class StreamedAgentEndInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.AiServiceStreamingResponseHandler");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(named("fireInvocationComplete").and(takesArguments(1)),
        getClass().getName() + "$CompleteAdvice");
    transformer.applyAdviceToMethod(named("onError").and(takesArguments(1))
            .and(takesArgument(0, Throwable.class)),
        getClass().getName() + "$ErrorAdvice");
  }

  @SuppressWarnings("unused")
  public static class CompleteAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void onEnter() {
      LangChain4jCalls.endStreamedAgent(null);
    }
  }

  @SuppressWarnings("unused")
  public static class ErrorAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static void onEnter(@Advice.Argument(0) Throwable error) {
      LangChain4jCalls.endStreamedAgent(error);
    }
  }
}
