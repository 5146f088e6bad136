package io.sightline.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRetrieverTest {
  private final PolicyRetriever retriever = new PolicyRetriever();

  @ParameterizedTest
  @CsvSource({
      "return window for electronics such as headphones, returns-30-days",
      "how do I start a return, returns-how",
      "when is my refund paid, refund-timing",
      "can I return a gift card, final-sale",
      "the parcel arrived damaged, damaged"})
  void search_query_ranksTheMatchingPassageFirst(String query, String expectedId) {
    List<PolicyRetriever.Passage> found = retriever.search(query, 2);

    assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(found.get(0).id()).isEqualTo(expectedId);
  }

  @ParameterizedTest
  @CsvSource({"returned, return", "returns, return", "headphones, headphon", "arrive, arriv", "arrived, arriv"})
  void words_inflectedForms_shareAStem(String word, String stem) {
    assertThat(PolicyRetriever.words(word)).containsExactly(stem);
  }

  @ParameterizedTest
  @CsvSource({"xyzzy", "the and for"})
  void search_nothingInCommon_findsNothing(String query) {
    assertThat(retriever.search(query, 2)).isEmpty();
  }
}
