package io.sightline.ingest.pipeline;

/**
 * The (trace id, span id) keys of spans written recently or being written now, so a re-sent
 * span is dropped before it reaches the materialized views (which would count it twice). A
 * fixed-size open-addressing set of 64-bit key hashes with insertion-order eviction: memory is
 * bounded ({@code capacity} × 16 bytes for the table plus 8 for the order ring) whatever the load.
 * Thread safe.
 */
final class RecentSpanKeys {
  private static final long EMPTY = 0;

  private final long[] table;
  private final long[] ring;
  private final int mask;
  private int ringHead;
  private int ringCount;
  private int size;

  RecentSpanKeys(int capacity) {
    int slots = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) << 1;
    table = new long[slots];
    ring = new long[Math.max(16, capacity)];
    mask = slots - 1;
  }

  /** A well-mixed non-zero 64-bit key for a span. */
  static long key(String traceId, String spanId) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < traceId.length(); i++) {
      h = (h ^ traceId.charAt(i)) * 0x100000001B3L;
    }
    h ^= 0x5bd1e995;
    for (int i = 0; i < spanId.length(); i++) {
      h = (h ^ spanId.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }

  /** Adds the key; false when it was already present (a duplicate). */
  synchronized boolean add(long key) {
    int i = slot(key);
    while (table[i] != EMPTY) {
      if (table[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    if (ringCount == ring.length) {
      remove(ring[ringHead]); // evict the oldest (a no-op if it was removed already)
      i = slot(key);
      while (table[i] != EMPTY) {
        i = (i + 1) & mask;
      }
    } else {
      ringCount++;
    }
    table[i] = key;
    ring[ringHead] = key;
    ringHead = (ringHead + 1) % ring.length;
    size++;
    return true;
  }

  synchronized boolean contains(long key) {
    for (int i = slot(key); table[i] != EMPTY; i = (i + 1) & mask) {
      if (table[i] == key) {
        return true;
      }
    }
    return false;
  }

  /** Forgets a key, e.g. when its write failed and the client will send it again. */
  synchronized void remove(long key) {
    int i = slot(key);
    while (table[i] != EMPTY && table[i] != key) {
      i = (i + 1) & mask;
    }
    if (table[i] == EMPTY) {
      return;
    }
    table[i] = EMPTY;
    size--;
    // Backward-shift deletion keeps probe sequences intact without tombstones.
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (table[j] == EMPTY) {
        return;
      }
      int home = slot(table[j]);
      boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!between) {
        table[i] = table[j];
        table[j] = EMPTY;
        i = j;
      }
    }
  }

  synchronized int size() {
    return size;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }
}
