package io.sightline.extension.langchain4j;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AiServiceTokenStream.start()}: the stream of an AI-service call runs under that call's
 * agent span, which ends when the application's completion or error handler is called.
 */
public class TokenStreamInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.service.AiServiceTokenStream");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(named("start").and(takesArguments(0)),
        getClass().getName() + "$StartAdvice");
  }

  @SuppressWarnings("unused")
  public static class StartAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToFields({
        @Advice.AssignReturned.ToFields.ToField(value = "completeResponseHandler", index = 1,
            typing = Assigner.Typing.DYNAMIC),
        @Advice.AssignReturned.ToFields.ToField(value = "errorHandler", index = 2,
            typing = Assigner.Typing.DYNAMIC)})
    public static Object[] onEnter(@Advice.This Object stream,
        @Advice.FieldValue("completeResponseHandler") Object onComplete,
        @Advice.FieldValue("errorHandler") Object onError) {
      return LangChain4jCalls.startTokenStream(stream, onComplete, onError);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(@Advice.Thrown Throwable error, @Advice.Enter Object[] enter) {
      LangChain4jCalls.endTokenStreamStart(enter, error);
    }
  }
}
