package io.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Request bytes being decoded at once stay within the budget; nothing is refused forever. */
class DecodeBudgetTest {
  @Test
  void bodiesBeyondTheBudget_areRefusedUntilRoomIsReleased() {
    DecodeBudget budget = new DecodeBudget(150);

    assertThat(budget.tryReserve(100)).isTrue();
    assertThat(budget.tryReserve(100)).isFalse();
    assertThat(budget.tryReserve(50)).isTrue();
    budget.release(100);
    assertThat(budget.tryReserve(100)).isTrue();
  }

  @Test
  void aBodyLargerThanTheWholeBudget_isLetInAlone() {
    DecodeBudget budget = new DecodeBudget(10);

    assertThat(budget.tryReserve(100)).isTrue();
    assertThat(budget.tryReserve(1)).isFalse();
    budget.release(100);
    assertThat(budget.tryReserve(1)).isTrue();
  }
}
