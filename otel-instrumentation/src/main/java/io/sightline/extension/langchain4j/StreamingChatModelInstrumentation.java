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
 * {@code StreamingChatModel.chat(ChatRequest, ChatRequestOptions, StreamingChatResponseHandler)}:
 * the handler is replaced by a transparent wrapper that sees the first partial and the end.
 */
public class StreamingChatModelInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("dev.langchain4j.model.chat.StreamingChatModel");
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("chat").and(takesArguments(3))
            .and(takesArgument(0, named("dev.langchain4j.model.chat.request.ChatRequest")))
            .and(takesArgument(1, named("dev.langchain4j.model.chat.ChatRequestOptions")))
            .and(takesArgument(2, named("dev.langchain4j.model.chat.response.StreamingChatResponseHandler"))),
        getClass().getName() + "$StreamingChatAdvice");
  }

  @SuppressWarnings("unused")
  public static class StreamingChatAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToArguments(
        @Advice.AssignReturned.ToArguments.ToArgument(value = 2, index = 1, typing = Assigner.Typing.DYNAMIC))
    public static Object[] onEnter(
        @Advice.This Object model, @Advice.Argument(0) Object request, @Advice.Argument(2) Object handler) {
      return LangChain4jCalls.startStreamingChat(model, request, handler);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(@Advice.Thrown Throwable error, @Advice.Enter Object[] enter) {
      LangChain4jCalls.endStreamingChat(enter, error);
    }
  }
}
