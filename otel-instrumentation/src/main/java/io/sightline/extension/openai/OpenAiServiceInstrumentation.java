package io.sightline.extension.openai;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The SDK's service implementations: every way of building a client (OkHttp builder, Spring AI's
 * {@code OpenAIClientImpl}, custom HTTP clients) ends up here.
 */
public class OpenAiServiceInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "com.openai.services.blocking.chat.ChatCompletionServiceImpl",
        "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl",
        "com.openai.services.blocking.ResponseServiceImpl",
        "com.openai.services.async.ResponseServiceAsyncImpl",
        "com.openai.services.blocking.EmbeddingServiceImpl",
        "com.openai.services.async.EmbeddingServiceAsyncImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("create", "createStreaming").and(isPublic()).and(takesArguments(2))
            .and(takesArgument(0, nameEndsWith("CreateParams"))),
        getClass().getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static class CallAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(value = 0, index = 1, typing = Assigner.Typing.DYNAMIC))
    public static Object[] onEnter(
        @Advice.Origin("#m") String method,
        @Advice.FieldValue("clientOptions") Object clientOptions,
        @Advice.Argument(0) Object params) {
      return OpenAiCall.start(method, clientOptions, params);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object[] enter) {
      return OpenAiCall.end(enter, returned, error);
    }
  }
}
