package io.sightline.query.internal;

import io.javalin.http.Context;
import io.sightline.auth.ApiKeys;

/** Resolves the request's project from its API key before any /api/v1 handler runs. */
public final class ProjectAuth {
  private static final String ATTRIBUTE = "sightline.project";
  private final ApiKeys keys;

  public ProjectAuth(ApiKeys keys) {
    this.keys = keys;
  }

  public void before(Context ctx) {
    String project = keys.projectFor(ctx.header("Authorization"), ctx.header("x-sightline-api-key"));
    if (project == null) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw ApiException.unauthorized();
    }
    ctx.attribute(ATTRIBUTE, project);
  }

  /** The project resolved for this request; every query binds it. */
  public static String project(Context ctx) {
    String p = ctx.attribute(ATTRIBUTE);
    if (p == null) {
      throw new IllegalStateException("project not resolved: route registered outside /api/v1");
    }
    return p;
  }
}
