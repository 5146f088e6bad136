package io.sightline.genai.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and precision of the default redactor over the labelled corpus
 * {@code redaction-corpus.tsv} ({@code label<TAB>text}, {@code \n} in text = newline).
 *
 * <p>Counting: a labelled line is a true positive when its label is among the categories found,
 * else a false negative. Every other category found on a labelled line is a false positive (the
 * wrong family), and a NONE line with any redaction is one false positive.
 */
class RedactionCorpusTest {
  static final class Line {
    final int number;
    final String label;
    final String text;

    Line(int number, String label, String text) {
      this.number = number;
      this.label = label;
      this.text = text;
    }
  }

  private static List<Line> corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = read();
  }

  static List<Line> read() throws IOException {
    List<Line> lines = new ArrayList<Line>();
    try (InputStream in = RedactionCorpusTest.class.getResourceAsStream("/redaction-corpus.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        lines.add(new Line(n, line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n")));
      }
    }
    return lines;
  }

  @Test
  void corpus_isLargeAndCoversEveryFamily() {
    Set<String> labels = new HashSet<String>();
    for (Line l : corpus) {
      labels.add(l.label);
    }
    Set<String> expected = new HashSet<String>();
    for (RedactionFamily f : RedactionFamily.values()) {
      expected.add(f.name());
    }
    expected.add("NONE");

    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    assertThat(labels).isEqualTo(expected);
  }

  @Test
  void defaults_overCorpus_recallAtLeast99AndPrecisionAtLeast95Percent() {
    int truePositives = 0;
    int falseNegatives = 0;
    int falsePositives = 0;
    List<String> misses = new ArrayList<String>();
    for (Line line : corpus) {
      Set<String> found = Redactor.defaults().redact(line.text).categories();
      if (line.label.equals("NONE")) {
        if (!found.isEmpty()) {
          falsePositives++;
          misses.add("line " + line.number + " NONE flagged as " + found);
        }
        continue;
      }
      if (found.contains(line.label)) {
        truePositives++;
      } else {
        falseNegatives++;
        misses.add("line " + line.number + " " + line.label + " missed (found " + found + ")");
      }
      for (String category : found) {
        if (!category.equals(line.label)) {
          falsePositives++;
          misses.add("line " + line.number + " " + line.label + " also flagged " + category);
        }
      }
    }
    double recall = truePositives / (double) (truePositives + falseNegatives);
    double precision = truePositives / (double) (truePositives + falsePositives);
    System.out.println(String.format(Locale.ROOT,
        "redaction corpus: %d lines, TP=%d FN=%d FP=%d, recall=%.4f precision=%.4f",
        corpus.size(), truePositives, falseNegatives, falsePositives, recall, precision));
    for (String miss : misses) {
      System.out.println("  " + miss);
    }

    assertThat(recall).as("recall; misses: %s", misses).isGreaterThanOrEqualTo(0.99);
    assertThat(precision).as("precision; misses: %s", misses).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void defaults_overCorpus_redactingTwiceChangesNothingMore() {
    for (Line line : corpus) {
      String once = Redactor.defaults().redact(line.text).text();

      assertThat(Redactor.defaults().redact(once).count()).as("line %d", line.number).isZero();
    }
  }

  @Test
  void hashMode_overCorpus_findsTheSameSpansAsPlaceholders() {
    Redactor hashing = Redactor.builder().mode(RedactionMode.HASH)
        .hashKey("corpus-test-key-0123456789").build();
    for (Line line : corpus) {
      RedactionResult placeholder = Redactor.defaults().redact(line.text);
      RedactionResult hashed = hashing.redact(line.text);

      assertThat(hashed.count()).as("line %d", line.number).isEqualTo(placeholder.count());
      assertThat(hashed.text().replaceAll("<([A-Z]+):[0-9a-f]{8}>", "<$1>"))
          .isEqualTo(placeholder.text());
    }
  }
}
