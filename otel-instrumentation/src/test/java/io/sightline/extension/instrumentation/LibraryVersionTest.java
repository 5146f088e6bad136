package io.sightline.extension.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryVersionTest {
  private final LibraryVersion range = new LibraryVersion("x.Marker", "g/a", "4.0.0", "5.0.0");

  @ParameterizedTest
  @CsvSource({"4.0.0, true", "4.49.0, true", "4.49.1-beta2, true", "3.9.9, false", "5.0.0, false", "10.1.0, false"})
  void inRange_comparesNumericParts(String version, boolean expected) {
    assertThat(range.inRange(version)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"java.lang.String, true", "no.such.Marker, false"})
  void matches_needsTheMarkerClass(String marker, boolean expected) {
    assertThat(new LibraryVersion(marker, "g/a", "0.0.0", "999.0.0").matches(getClass().getClassLoader())).isEqualTo(expected);
  }
}
