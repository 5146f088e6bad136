package io.sightline.extension.anthropic;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** The SDK's message service implementations, whichever way the client was built. */
public class AnthropicMessageServiceInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return namedOneOf(
        "com.anthropic.services.blocking.MessageServiceImpl",
        "com.anthropic.services.async.MessageServiceAsyncImpl",
        "com.anthropic.services.blocking.beta.MessageServiceImpl",
        "com.anthropic.services.async.beta.MessageServiceAsyncImpl");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        namedOneOf("create", "createStreaming").and(isPublic()).and(takesArguments(2))
            .and(takesArgument(0, namedOneOf("com.anthropic.models.messages.MessageCreateParams",
                "com.anthropic.models.beta.messages.MessageCreateParams")))
            .and(takesArgument(1, named("com.anthropic.core.RequestOptions"))),
        getClass().getName() + "$CallAdvice");
  }

  @SuppressWarnings("unused")
  public static class CallAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(
        @Advice.Origin("#m") String method,
        @Advice.FieldValue("clientOptions") Object clientOptions,
        @Advice.Argument(0) Object params) {
      return AnthropicCall.start(method, clientOptions, params);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object state) {
      return AnthropicCall.end(state, returned, error);
    }
  }
}
