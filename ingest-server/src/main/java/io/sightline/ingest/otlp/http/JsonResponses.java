package io.sightline.ingest.otlp.http;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/** OTLP/HTTP JSON responses: the proto3 JSON mapping of the response messages. */
final class JsonResponses {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private JsonResponses() {}

  static String print(Message m) {
    try {
      return PRINTER.print(m);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + m.getClass().getSimpleName(), e);
    }
  }
}
