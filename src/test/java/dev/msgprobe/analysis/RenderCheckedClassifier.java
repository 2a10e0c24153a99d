package dev.msgprobe.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.evidence.EvidenceText;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.Locale;

/**
 * The bundled classifier for tests, which also fails a test whose verdict carries a sentence that
 * does not render in Russian (one built outside the evidence catalogue, or a template missing).
 */
final class RenderCheckedClassifier {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private final Classifier classifier = new Classifier();

  Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context) {
    Verdict v = classifier.classify(endpoint, observations, context);
    assertRendersInRussian(v);
    return v;
  }

  static void assertRendersInRussian(Verdict v) {
    assertThat(v.evidence()).allSatisfy(sentence -> assertThat(EvidenceText.render(sentence, RU))
        .as("Russian of the evidence sentence: %s", sentence).isNotEqualTo(sentence).containsPattern("\\p{IsCyrillic}"));
  }
}
