package io.sightline.bench.agent;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measured application, run in a child JVM by {@link AgentOverheadBenchmark}: non-streaming
 * openai-java chat completions against the fake provider. Prints one {@code RESULT} line.
 *
 * <p>Arguments: base URL, warm-up calls, measured sequential calls, threads, throughput seconds.
 */
public final class ChatWorkload {
  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    int warmup = Integer.parseInt(args[1]);
    int calls = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl + "/v1").apiKey("sk-bench").maxRetries(0).build();
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addSystemMessage("You are a benchmark.").addUserMessage("Say hello in five words.").temperature(0.2).build();

    for (int i = 0; i < warmup; i++) {
      client.chat().completions().create(params);
    }
    long[] micros = new long[calls];
    // CPU time of the calling thread: the instrumentation runs there, and unlike wall time it does
    // not grow when other processes compete for the cores.
    java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threadsBean.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      client.chat().completions().create(params);
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    double cpuMicros = (threadsBean.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / calls;
    Arrays.sort(micros);
    double mean = Arrays.stream(micros).average().orElse(0);

    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          client.chat().completions().create(params);
          done.incrementAndGet();
        }
        finished.countDown();
      });
      worker.start();
    }
    finished.await();
    System.out.printf("RESULT mean=%.1f p50=%d p99=%d cpu=%.1f throughput=%.1f%n",
        mean, micros[calls / 2], micros[(int) (calls * 0.99)], cpuMicros, done.get() / (double) seconds);
    System.exit(0);
  }
}
