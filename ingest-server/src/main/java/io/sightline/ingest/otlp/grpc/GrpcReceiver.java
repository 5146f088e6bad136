package io.sightline.ingest.otlp.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.sightline.auth.ApiKeys;
import io.sightline.ingest.Collector;
import io.sightline.ingest.decode.OtlpEncoding;
import io.sightline.ingest.otlp.ExportOutcome;
import io.sightline.ingest.otlp.OtlpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * OTLP/gRPC: {@code TraceService/Export} and {@code LogsService/Export}. Requests are taken as
 * bytes (not parsed by gRPC), so a malformed message is answered INVALID_ARGUMENT by Sightline's
 * decoder rather than INTERNAL by the framework. gRPC enforces the size limit on the
 * decompressed message (gzip is accepted). Overload is RESOURCE_EXHAUSTED and a store failure
 * UNAVAILABLE, both with {@code RetryInfo}, which OTLP exporters honour.
 */
public final class GrpcReceiver implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("x-sightline-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> PROJECT = Context.key("sightline-project");

  private final Server server;

  public GrpcReceiver(OtlpSettings settings, Collector collector, ApiKeys keys) {
    ServerServiceDefinition traces = ServerServiceDefinition.builder(TraceServiceGrpc.SERVICE_NAME)
        .addMethod(method(TraceServiceGrpc.getExportMethod().getFullMethodName(),
                ExportTraceServiceResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall((byte[] body, StreamObserver<ExportTraceServiceResponse> out) ->
                respond(collector.traces(PROJECT.get(), body, OtlpEncoding.PROTOBUF, "grpc"), out,
                    a -> a.rejected() == 0 && a.message().isEmpty()
                        ? ExportTraceServiceResponse.getDefaultInstance()
                        : ExportTraceServiceResponse.newBuilder().setPartialSuccess(
                            ExportTracePartialSuccess.newBuilder().setRejectedSpans(a.rejected())
                                .setErrorMessage(a.message())).build(), collector)))
        .build();
    ServerServiceDefinition logs = ServerServiceDefinition.builder(LogsServiceGrpc.SERVICE_NAME)
        .addMethod(method(LogsServiceGrpc.getExportMethod().getFullMethodName(),
                ExportLogsServiceResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall((byte[] body, StreamObserver<ExportLogsServiceResponse> out) ->
                respond(collector.logs(PROJECT.get(), body, OtlpEncoding.PROTOBUF, "grpc"), out,
                    a -> a.rejected() == 0 && a.message().isEmpty()
                        ? ExportLogsServiceResponse.getDefaultInstance()
                        : ExportLogsServiceResponse.newBuilder().setPartialSuccess(
                            ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(a.rejected())
                                .setErrorMessage(a.message())).build(), collector)))
        .build();
    ServerInterceptor auth = new Authenticate(keys, collector);
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.grpcPort()))
        .maxInboundMessageSize(settings.maxRequestBytes())
        .addService(ServerInterceptors.intercept(traces, auth))
        .addService(ServerInterceptors.intercept(logs, auth))
        .build();
  }

  private static <R extends com.google.protobuf.Message> MethodDescriptor<byte[], R> method(
      String fullName, R responsePrototype) {
    return MethodDescriptor.<byte[], R>newBuilder(RawBytesMarshaller.INSTANCE, ProtoUtils.marshaller(responsePrototype))
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullName).build();
  }

  private static <R> void respond(CompletableFuture<ExportOutcome> outcome, StreamObserver<R> out,
      Function<ExportOutcome.Accepted, R> success, Collector collector) {
    outcome.whenComplete((o, error) -> {
      if (error != null) {
        collector.metrics().request("grpc", "internal_error");
        out.onError(Status.INTERNAL.withDescription("internal error").asRuntimeException());
        return;
      }
      collector.metrics().request("grpc", o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
      switch (o) {
        case ExportOutcome.Accepted a -> {
          out.onNext(success.apply(a));
          out.onCompleted();
        }
        case ExportOutcome.Invalid i -> out.onError(status(Code.INVALID_ARGUMENT, i.message(), null));
        case ExportOutcome.Unauthenticated u -> out.onError(status(Code.UNAUTHENTICATED, u.message(), null));
        case ExportOutcome.Overloaded v -> out.onError(status(Code.RESOURCE_EXHAUSTED, v.message(), v.retryAfter()));
        case ExportOutcome.Unavailable u -> out.onError(status(Code.UNAVAILABLE, u.message(), u.retryAfter()));
      }
    });
  }

  private static RuntimeException status(Code code, String message, java.time.Duration retryAfter) {
    com.google.rpc.Status.Builder s = com.google.rpc.Status.newBuilder().setCode(code.getNumber())
        .setMessage(message);
    if (retryAfter != null) {
      s.addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder()
          .setSeconds(retryAfter.toSeconds()).setNanos(retryAfter.toNanosPart())).build()));
    }
    return StatusProto.toStatusRuntimeException(s.build());
  }

  /** Resolves the caller's project from its API key, or refuses the call. */
  private record Authenticate(ApiKeys keys, Collector collector) implements ServerInterceptor {
    @Override
    public <Q, P> ServerCall.Listener<Q> interceptCall(ServerCall<Q, P> call, Metadata headers,
        ServerCallHandler<Q, P> next) {
      String project = keys.projectFor(headers.get(AUTHORIZATION), headers.get(API_KEY));
      if (project == null) {
        collector.metrics().request("grpc", "unauthenticated");
        call.close(Status.UNAUTHENTICATED.withDescription(
            "missing or unknown API key: send 'authorization: Bearer <key>' or 'x-sightline-api-key'"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(Context.current().withValue(PROJECT, project), call, headers, next);
    }
  }

  public GrpcReceiver start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for OTLP/gRPC: " + e.getMessage(), e);
    }
    return this;
  }

  public int port() {
    return server.getPort();
  }

  /** Stops accepting calls and waits (bounded) for the ones in progress to be answered. */
  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(15, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
