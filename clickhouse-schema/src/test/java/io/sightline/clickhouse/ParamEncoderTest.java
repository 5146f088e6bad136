package io.sightline.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamEncoderTest {
  @Test
  void encode_stringsUseEscapedForm() {
    assertThat(ParamEncoder.encode("a\\b\tc\nd'e")).isEqualTo("a\\\\b\\tc\\nd'e");
    assertThat(ParamEncoder.encode("plain")).isSameAs("plain");
  }

  @Test
  void encode_arraysQuoteElements() {
    assertThat(ParamEncoder.encode(List.of("it's", "a\\b"))).isEqualTo("['it\\'s','a\\\\b']");
    assertThat(ParamEncoder.encode(Arrays.asList(1L, 2L))).isEqualTo("[1,2]");
  }

  @Test
  void encode_scalars() {
    assertThat(ParamEncoder.encode(null)).isEqualTo("\\N");
    assertThat(ParamEncoder.encode(true)).isEqualTo("true");
    assertThat(ParamEncoder.encode(new BigDecimal("1E-9"))).isEqualTo("0.000000001");
    assertThat(ParamEncoder.encode(Instant.ofEpochSecond(1, 5))).isEqualTo("1000000005");
  }

  @Test
  void statement_toStringNeverShowsValues() {
    assertThat(Statement.of("q", "SELECT {p:String}").bind("p", "secret"))
        .hasToString("Statement[q, params=[p]]");
  }
}
