package io.sightline.extension.langchain4j;

import static io.opentelemetry.javaagent.extension.matcher.AgentElementMatchers.implementsInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.opentelemetry.javaagent.extension.instrumentation.TypeInstrumentation;
import io.opentelemetry.javaagent.extension.instrumentation.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * AI-service calls: the proxy's {@code invoke(Method, Object[], InvocationContext)} inside
 * {@code DefaultAiServices}, where the invocation context (interface, method, memory id) exists.
 */
public class AiServiceInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return nameStartsWith("dev.langchain4j.service.DefaultAiServices$")
        .and(implementsInterface(named("java.lang.reflect.InvocationHandler")));
  }

  @Override
  public void transform(TypeTransformer transformer) {
    transformer.applyAdviceToMethod(
        named("invoke").and(takesArguments(3))
            .and(takesArgument(2, named("dev.langchain4j.invocation.InvocationContext"))),
        getClass().getName() + "$InvokeAdvice");
  }

  @SuppressWarnings("unused")
  public static class InvokeAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class, inline = false)
    public static Object onEnter(@Advice.Argument(2) Object invocationContext) {
      return LangChain4jCalls.startAgent(invocationContext);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, inline = false)
    public static void onExit(@Advice.Thrown Throwable error, @Advice.Enter Object state) {
      LangChain4jCalls.endAgent(state, error);
    }
  }
}
