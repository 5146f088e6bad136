package io.sightline.clickhouse.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.clickhouse.format.ClickHouseType.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClickHouseTypeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "String|STRING|String",
      "Map(LowCardinality(String), String)|MAP|Map(LowCardinality(String), String)",
      "DateTime64(9, 'UTC')|DATETIME64|DateTime64(9, 'UTC')",
      "DateTime64(3)|DATETIME64|DateTime64(3)",
      "Decimal(18, 9)|DECIMAL|Decimal(18, 9)",
      "Decimal64(9)|DECIMAL|Decimal(18, 9)",
      "Nullable(Decimal(18,9))|NULLABLE|Nullable(Decimal(18, 9))",
      "Array(Map(String,String))|ARRAY|Array(Map(String, String))",
      "SimpleAggregateFunction(sum, UInt64)|UINT64|UInt64",
      "SimpleAggregateFunction(groupUniqArrayArray, Array(String))|ARRAY|Array(String)",
      "Tuple(a String, b UInt8)|TUPLE|Tuple(a String, b UInt8)",
      "FixedString(32)|FIXED_STRING|FixedString(32)",
  })
  void parse_normalisesText(String input, Kind kind, String text) {
    ClickHouseType t = ClickHouseType.parse(input);
    assertThat(t.kind()).isEqualTo(kind);
    assertThat(t).hasToString(text);
  }

  @Test
  void parse_enumKeepsNamesAndCodes() {
    ClickHouseType t = ClickHouseType.parse("Enum8('ok' = 1, 'it''s' = 2, 'neg' = -3)".replace("''", "\\'"));
    assertThat(t.enumCode("ok")).isEqualTo(1);
    assertThat(t.enumName(2)).isEqualTo("it's");
    assertThat(t.enumCode("neg")).isEqualTo(-3);
    assertThat(t.enumFirstName()).isEqualTo("ok");
    assertThatThrownBy(() -> t.enumCode("nope")).hasMessageContaining("nope");
  }

  @Test
  void withoutLowCardinality_stripsEveryLevel() {
    assertThat(ClickHouseType.parse("Map(LowCardinality(String), Array(LowCardinality(String)))")
        .withoutLowCardinality()).hasToString("Map(String, Array(String))");
  }

  @Test
  void parse_unsupportedOrMalformed_failsNamingTheType() {
    assertThatThrownBy(() -> ClickHouseType.parse("Int256")).hasMessageContaining("Int256");
    assertThatThrownBy(() -> ClickHouseType.parse("Array(String")).hasMessageContaining("Array(String");
  }
}
