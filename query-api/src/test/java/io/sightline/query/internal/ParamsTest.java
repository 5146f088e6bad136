package io.sightline.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Ids and cursors: canonical forms and errors naming the parameter. */
class ParamsTest {
  @Test
  void traceId_upperCase_isLowerCased() {
    assertThat(Ids.traceId("traceId", "0AF7651916CD43DD8448EB211C80319C"))
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "xyz", "0af7651916cd43dd8448eb211c80319", "00000000000000000000000000000000",
      "0af7651916cd43dd8448eb211c80319g"})
  void traceId_malformed_failsNamingTheParameter(String id) {
    assertThatThrownBy(() -> Ids.traceId("traceId", id)).isInstanceOf(ApiException.class)
        .hasMessageStartingWith("traceId: ")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @Test
  void cursor_roundTrips_andIsRefusedForAnotherSort() {
    Cursor c = new Cursor("start:desc", 1795787324991000000L, "0af7651916cd43dd8448eb211c80319c");
    assertThat(Cursor.decode(c.encode(), "start:desc")).isEqualTo(c);
    assertThatThrownBy(() -> Cursor.decode(c.encode(), "cost:desc")).hasMessageContaining("sort=start:desc");
    assertThatThrownBy(() -> Cursor.decode("%%%", "start:desc")).hasMessageStartingWith("cursor: ");
  }
}
