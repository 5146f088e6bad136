package io.sightline.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentSpanKeysTest {
  @Test
  void add_secondTimeIsDuplicate_untilRemoved() {
    RecentSpanKeys keys = new RecentSpanKeys(100);
    long k = RecentSpanKeys.key("0123456789abcdef0123456789abcdef", "0123456789abcdef");
    assertThat(keys.add(k)).isTrue();
    assertThat(keys.add(k)).isFalse();
    keys.remove(k);
    assertThat(keys.add(k)).isTrue();
  }

  @Test
  void add_beyondCapacity_evictsOldestAndStaysBounded() {
    RecentSpanKeys keys = new RecentSpanKeys(1000);
    SplittableRandom r = new SplittableRandom(7);
    long[] all = new long[10_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = r.nextLong() | 1;
      assertThat(keys.add(all[i])).isTrue();
      if (i % 3 == 0) {
        keys.remove(all[i]); // failed writes release keys out of order
      }
      assertThat(keys.size()).isLessThanOrEqualTo(1000);
    }
    // The newest survivors are still known, the oldest forgotten.
    assertThat(keys.contains(all[9_998])).isTrue();
    assertThat(keys.contains(all[1])).isFalse();
    for (int i = 9_500; i < 10_000; i++) {
      assertThat(keys.contains(all[i])).isEqualTo(i % 3 != 0);
    }
  }

  @Test
  void key_differsForSwappedIds() {
    assertThat(RecentSpanKeys.key("aa", "bb")).isNotEqualTo(RecentSpanKeys.key("bb", "aa"));
    assertThat(RecentSpanKeys.key("aa", "bb")).isNotZero();
  }
}
