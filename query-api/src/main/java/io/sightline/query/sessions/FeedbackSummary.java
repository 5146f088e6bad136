package io.sightline.query.sessions;

/** Scores given to a session, its traces or spans: counts, thumbs and average rating. */
record FeedbackSummary(long count, long thumbsUp, long thumbsDown, long ratingCount,
    Double ratingAvg) {
  static final FeedbackSummary NONE = new FeedbackSummary(0, 0, 0, 0, null);
}
