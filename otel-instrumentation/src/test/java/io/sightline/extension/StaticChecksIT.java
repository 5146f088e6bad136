package io.sightline.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Gradle's muzzle would check, done on the built jar: its content, that every class reachable
 * from advice is declared as a helper (supertypes first), and that every library member the advice
 * and helpers use exists in the oldest and newest supported library versions.
 */
class StaticChecksIT {
  private static final Path JAR = Path.of(System.getProperty("sightline.extension.jar"));
  private static final String OWN = "io/sightline/extension/";
  private static final List<String> MODULES = List.of(
      "io.sightline.extension.openai.OpenAiInstrumentationModule",
      "io.sightline.extension.anthropic.AnthropicInstrumentationModule",
      "io.sightline.extension.langchain4j.LangChain4jInstrumentationModule",
      "io.sightline.extension.springai.SpringAiInstrumentationModule");

  private static Map<String, byte[]> jarClasses() throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry e : jar.stream().toList()) {
        if (e.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e)) {
            classes.put(e.getName().substring(0, e.getName().length() - 6), in.readAllBytes());
          }
        }
      }
    }
    return classes;
  }

  private static String services(String spi) throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return new String(jar.getInputStream(jar.getEntry("META-INF/services/" + spi)).readAllBytes());
    }
  }

  @Test
  void jar_bundlesOnlySightlineCode_atJava8_withMergedServicesAndThePriceCatalogue() throws IOException {
    Map<String, byte[]> classes = jarClasses();

    assertThat(classes.keySet()).allMatch(name -> name.startsWith(OWN), "only io/sightline/extension/** classes");
    assertThat(classes).allSatisfy((name, bytes) ->
        assertThat(((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff)).as("class file version of %s", name).isEqualTo(52));
    assertThat(services("io.opentelemetry.javaagent.extension.instrumentation.InstrumentationModule").lines())
        .containsExactlyInAnyOrderElementsOf(MODULES);
    assertThat(services("io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider"))
        .contains("io.sightline.extension.agent.SightlineAutoConfiguration");
    assertThat(services("io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider"))
        .contains("io.sightline.extension.agent.BaggageFilteringPropagatorProvider");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/sightline/extension/internal/common/genai/pricing/model-prices.csv")).isNotNull();
    }
  }

  @Test
  void bundledPriceCatalogue_loadsFromTheRelocatedPackage() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
      Class<?> catalog = loader.loadClass("io.sightline.extension.internal.common.genai.pricing.PriceCatalog");
      Object loaded = catalog.getMethod("loadDefault").invoke(null);

      assertThat((List<?>) catalog.getMethod("prices").invoke(loaded)).isNotEmpty();
    }
  }

  static Stream<String> modules() {
    return MODULES.stream();
  }

  @ParameterizedTest
  @MethodSource("modules")
  void everyClassReachableFromAdvice_isADeclaredHelper_supertypesFirst(String moduleClass) throws Exception {
    Map<String, byte[]> classes = jarClasses();
    InstrumentationModule module = (InstrumentationModule) Class.forName(moduleClass).getConstructor().newInstance();
    List<String> helpers = module.getAdditionalHelperClassNames().stream().map(n -> n.replace('.', '/')).toList();
    Set<String> reachable = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    classes.keySet().stream().filter(n -> n.startsWith(moduleClass.substring(0, moduleClass.lastIndexOf('.')).replace('.', '/'))
        && n.endsWith("Advice")).forEach(queue::add);
    assertThat(queue).as("advice classes of %s", moduleClass).isNotEmpty();
    Set<String> advice = new HashSet<>(queue);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      for (String ref : references(classes.get(name)).types()) {
        if (ref.startsWith(OWN) && !advice.contains(ref) && reachable.add(ref)) {
          queue.add(ref);
        }
      }
    }

    assertThat(helpers).containsAll(reachable);
    assertThat(helpers).allSatisfy(h -> assertThat(classes).containsKey(h));
    for (int i = 0; i < helpers.size(); i++) {
      for (String supertype : supertypes(classes.get(helpers.get(i)))) {
        if (supertype.startsWith(OWN)) {
          assertThat(helpers.subList(0, i)).as("supertype of %s listed before it", helpers.get(i)).contains(supertype);
        }
      }
    }
  }

  static Stream<Arguments> libraryVersions() throws IOException {
    List<String> testClassPath = List.of(Files.readString(Path.of(System.getProperty("sightline.it.classpath"))).trim()
        .split(java.io.File.pathSeparator));
    List<String> openAiMin;
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("sightline.compat.dir"), "openai-min"))) {
      openAiMin = jars.map(Path::toString).toList();
    }
    List<String> withoutOpenAi = testClassPath.stream().filter(p -> !p.contains("/com/openai/")).toList();
    List<String> oldestOpenAi = new ArrayList<>(openAiMin);
    oldestOpenAi.addAll(withoutOpenAi);
    return Stream.of(
        Arguments.of("io/sightline/extension/openai/", "com/openai/", "openai-java 4.0.0", oldestOpenAi),
        Arguments.of("io/sightline/extension/openai/", "com/openai/", "openai-java 4.49.0", testClassPath),
        Arguments.of("io/sightline/extension/anthropic/", "com/anthropic/", "anthropic-java 3.14.0", testClassPath),
        Arguments.of("io/sightline/extension/langchain4j/", "dev/langchain4j/", "langchain4j 1.19.0", testClassPath),
        Arguments.of("io/sightline/extension/springai/", "org/springframework/ai/", "spring-ai 2.0.1", testClassPath));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("libraryVersions")
  void everyLibraryMemberUsed_existsInTheSupportedVersion(String pkg, String library, String version, List<String> classPath)
      throws Exception {
    Map<String, byte[]> classes = jarClasses();
    URL[] urls = classPath.stream().map(p -> {
      try {
        return Path.of(p).toUri().toURL();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toArray(URL[]::new);
    List<String> missing = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (Map.Entry<String, byte[]> c : classes.entrySet()) {
        if (!c.getKey().startsWith(pkg)) {
          continue;
        }
        References refs = references(c.getValue());
        for (String type : refs.types()) {
          if (type.startsWith(library) && !loadable(loader, type)) {
            missing.add(c.getKey() + " -> class " + type);
          }
        }
        for (String[] m : refs.methods()) {
          if (m[0].startsWith(library) && !hasMethod(loader, m[0], m[1], m[2])) {
            missing.add(c.getKey() + " -> " + m[0] + "." + m[1] + m[2]);
          }
        }
      }
      if (library.equals("com/openai/")) {
        for (String service : List.of("blocking.chat.ChatCompletionServiceImpl", "async.chat.ChatCompletionServiceAsyncImpl",
            "blocking.ResponseServiceImpl", "async.ResponseServiceAsyncImpl", "blocking.EmbeddingServiceImpl",
            "async.EmbeddingServiceAsyncImpl")) {
          Class<?> type = Class.forName("com.openai.services." + service, false, loader);
          assertThat(type.getDeclaredField("clientOptions").getType().getName()).isEqualTo("com.openai.core.ClientOptions");
        }
      }
    }

    assertThat(missing).as("library members missing in %s", version).isEmpty();
  }

  private static boolean loadable(ClassLoader loader, String internalName) {
    try {
      Class.forName(internalName.replace('/', '.'), false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static boolean hasMethod(ClassLoader loader, String owner, String name, String descriptor) {
    try {
      Deque<Class<?>> types = new ArrayDeque<>();
      types.add(Class.forName(owner.replace('/', '.'), false, loader));
      while (!types.isEmpty()) {
        Class<?> type = types.poll();
        if (name.equals("<init>")) {
          return Stream.of(type.getDeclaredConstructors()).anyMatch(k -> Type.getConstructorDescriptor(k).equals(descriptor));
        }
        for (Method method : type.getDeclaredMethods()) {
          if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
            return true;
          }
        }
        if (type.getSuperclass() != null) {
          types.add(type.getSuperclass());
        } else if (type.isInterface()) {
          types.add(Object.class); // invokeinterface of getClass(), toString(), ...
        }
        types.addAll(List.of(type.getInterfaces()));
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  record References(Set<String> types, List<String[]> methods) {}

  private static References references(byte[] bytes) {
    Set<String> types = new LinkedHashSet<>();
    List<String[]> methods = new ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        if (superName != null) {
          types.add(superName);
        }
        types.addAll(List.of(interfaces));
      }

      @Override
      public void visitInnerClass(String name, String outerName, String innerName, int access) {
        types.add(name);
      }

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        addType(types, Type.getType(descriptor));
        return null;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        for (Type t : Type.getArgumentTypes(descriptor)) {
          addType(types, t);
        }
        addType(types, Type.getReturnType(descriptor));
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            if (!owner.startsWith("[")) {
              types.add(owner);
              methods.add(new String[] {owner, method, desc});
            }
          }

          @Override
          public void visitTypeInsn(int opcode, String type) {
            addType(types, Type.getObjectType(type));
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            types.add(owner);
          }

          @Override
          public void visitLdcInsn(Object value) {
            if (value instanceof Type t) {
              addType(types, t);
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG);
    return new References(types, methods);
  }

  private static void addType(Set<String> types, Type type) {
    Type t = type.getSort() == Type.ARRAY ? type.getElementType() : type;
    if (t.getSort() == Type.OBJECT) {
      types.add(t.getInternalName());
    }
  }

  private static List<String> supertypes(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    List<String> out = new ArrayList<>(List.of(reader.getInterfaces()));
    out.add(reader.getSuperName());
    return out;
  }
}
