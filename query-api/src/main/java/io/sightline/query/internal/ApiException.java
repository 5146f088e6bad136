package io.sightline.query.internal;

/**
 * A request the API refuses, rendered once by {@link Errors} as
 * {@code {"title", "status", "type", "detail", "parameter"}}. Handlers throw it; nothing catches it
 * on the way.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String parameter;

  private ApiException(int status, String type, String detail, String parameter) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.parameter = parameter;
  }

  /** 400 naming the parameter that is wrong. */
  public static ApiException badParameter(String parameter, String detail) {
    return new ApiException(400, "bad_parameter", parameter + ": " + detail, parameter);
  }

  /** 400 for a request body that cannot be used. */
  public static ApiException badBody(String field, String detail) {
    return new ApiException(400, "bad_body", field + ": " + detail, field);
  }

  /** 409: the request contradicts what is stored under the same key (named by {@code field}). */
  public static ApiException conflict(String field, String detail) {
    return new ApiException(409, "conflict", field + ": " + detail, field);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what, null);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized",
        "a valid API key is required (Authorization: Bearer <key> or x-sightline-api-key)", null);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String parameter() {
    return parameter;
  }
}
