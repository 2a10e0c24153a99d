package dev.msgprobe.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.provider.Arguments;

/**
 * No evidence sentence is left untranslated: every sentence the classifier writes for the canned
 * observations of {@link ClassifierVocabularyTest} and {@link UdpClassifierTest} (every verdict of the
 * vocabulary and the tricky cases) matches a catalogue template, so it renders in Russian.
 * {@link ClassifierEvidenceTest} and {@link DnsNetworkRulesTest} check theirs through
 * {@link RenderCheckedClassifier}.
 */
class EvidenceTranslationTest {
  @TestFactory
  Stream<DynamicTest> everyClassifierSentenceRendersInRussian() {
    return Stream.concat(ClassifierVocabularyTest.rows(), UdpClassifierTest.rows()).map(EvidenceTranslationTest::check);
  }

  private static DynamicTest check(Arguments row) {
    Named<?> named = (Named<?>) row.get()[0];
    return DynamicTest.dynamicTest(named.getName(), () -> {
      Verdict v = classify(named.getPayload());
      assertThat(v.evidence()).isNotEmpty();
      RenderCheckedClassifier.assertRendersInRussian(v);
    });
  }

  private static Verdict classify(Object row) {
    if (row instanceof ClassifierVocabularyTest.Row r) {
      return new Classifier().classify(r.endpoint(), r.keys(), r.ctx());
    }
    UdpClassifierTest.Row r = (UdpClassifierTest.Row) row;
    return new Classifier().classify(r.endpoint(), r.keys(), r.ctx());
  }
}
