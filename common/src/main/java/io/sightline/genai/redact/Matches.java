package io.sightline.genai.redact;

import java.util.Arrays;
import java.util.Comparator;

/** Candidate spans found in one text, and the choice among overlapping ones. */
final class Matches {
  private int size;
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private Detector[] detectors = new Detector[8];

  void add(int start, int end, Detector detector) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      detectors = Arrays.copyOf(detectors, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    detectors[size] = detector;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  Detector detector(int i) {
    return detectors[i];
  }

  /**
   * Indexes of the spans to replace, in text order: leftmost first; at the same start the longer
   * span, then the detector listed first (secrets before e-mail before numbers); a span that
   * overlaps one already chosen is dropped.
   */
  Integer[] chosen() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, new Comparator<Integer>() {
      @Override
      public int compare(Integer a, Integer b) {
        if (starts[a] != starts[b]) {
          return Integer.compare(starts[a], starts[b]);
        }
        if (ends[a] != ends[b]) {
          return Integer.compare(ends[b], ends[a]);
        }
        return Integer.compare(detectors[a].priority, detectors[b].priority);
      }
    });
    int kept = 0;
    int lastEnd = -1;
    for (Integer i : order) {
      if (starts[i] >= lastEnd) {
        order[kept++] = i;
        lastEnd = ends[i];
      }
    }
    return Arrays.copyOf(order, kept);
  }
}
