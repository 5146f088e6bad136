package io.sightline.query.internal;

/** Page size and sort direction shared by the list endpoints. */
public record Paging(int limit, boolean descending, Cursor cursor) {

  public static Paging read(Params p, String sort, ApiLimits limits) {
    long limit = p.nonNegativeLong("limit", limits.defaultPageSize());
    if (limit < 1 || limit > limits.maxPageSize()) {
      throw ApiException.badParameter("limit", "must be between 1 and " + limits.maxPageSize()
          + ", got " + limit);
    }
    boolean desc = p.choice("order", java.util.List.of("desc", "asc"), "desc").equals("desc");
    return new Paging((int) limit, desc, Cursor.decode(p.string("cursor"), sort + ":" + (desc ? "desc" : "asc")));
  }

  public String cursorSort(String sort) {
    return sort + ":" + (descending ? "desc" : "asc");
  }
}
