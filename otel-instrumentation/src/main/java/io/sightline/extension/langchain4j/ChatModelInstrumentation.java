package io.sightline.extension.langchain4j;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ChatModel.chat(ChatRequest, ChatRequestOptions)}: the interface default method every
 * provider's {@code chat(...)} goes through (it also calls the model listeners), so one hook
 * covers every LangChain4j provider.
 */
public class ChatModelInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.model.chat.ChatModel");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("chat").and(takesArguments(2))
            .and(takesArgument(0, named("dev.langchain4j.model.chat.request.ChatRequest")))
            .and(takesArgument(1, named("dev.langchain4j.model.chat.ChatRequestOptions"))),
        getClass().getName() + "$ChatAdvice");
  }

  @SuppressWarnings("unused")
  public static class ChatAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(@Advice.This Object model, @Advice.Argument(0) Object request) {
      return LangChain4jCalls.startChat(model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object state) {
      LangChain4jCalls.endChat(state, response, error);
    }
  }
}
