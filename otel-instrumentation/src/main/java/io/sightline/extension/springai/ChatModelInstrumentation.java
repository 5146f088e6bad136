package io.sightline.extension.springai;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.hasClassesNamed;
import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code ChatModel.call(Prompt)} and {@code stream(Prompt)} on every implementation (any provider). */
public class ChatModelInstrumentation implements TypeInstrumentation {
  private static final String CHAT_MODEL = "org.springframework.ai.chat.model.ChatModel";
  private static final String PROMPT = "org.springframework.ai.chat.prompt.Prompt";

  @Override
  public ElementMatcher<ClassLoader> classLoaderOptimization() {
    return hasClassesNamed(CHAT_MODEL);
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return implementsInterface(named(CHAT_MODEL)).and(not(isInterface()));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("call").and(isPublic()).and(not(isAbstract())).and(takesArguments(1)).and(takesArgument(0, named(PROMPT))),
        getClass().getName() + "$CallAdvice");
    transformer.applyAdviceToMethod(
        named("stream").and(isPublic()).and(not(isAbstract())).and(takesArguments(1)).and(takesArgument(0, named(PROMPT))),
        getClass().getName() + "$StreamAdvice");
  }

  @SuppressWarnings("unused")
  public static class CallAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(@Advice.This Object model, @Advice.Argument(0) Object prompt) {
      return SpringAiCalls.startCall(model, prompt);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object state) {
      SpringAiCalls.endCall(state, response, error);
    }
  }

  @SuppressWarnings("unused")
  public static class StreamAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(@Advice.This Object model, @Advice.Argument(0) Object prompt) {
      return SpringAiCalls.startStream(model, prompt);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    @Advice.AssignReturned.ToReturned(typing = Assigner.Typing.DYNAMIC)
    public static Object onExit(
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object flux,
        @Advice.Thrown Throwable error,
        @Advice.Enter Object state) {
      return SpringAiCalls.endStream(state, flux, error);
    }
  }
}
