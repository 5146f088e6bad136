package io.sightline.ingest.otlp.grpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Passes a gRPC message through as bytes. The receivers use it so Sightline's decoder, not the
 * framework, judges a request; load generators and tests use it to send exact bytes.
 */
public final class RawBytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  public static final RawBytesMarshaller INSTANCE = new RawBytesMarshaller();

  private RawBytesMarshaller() {}

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
