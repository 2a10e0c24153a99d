package dev.msgprobe.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The two bundles agree, and every template survives format → parse → render. */
class EvidenceCatalogueTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Path BUNDLES = Path.of("src/main/resources/dev/msgprobe/evidence");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  /** Templates whose Russian is rightly the English: protocol terms and OONI key names only. */
  private static final Set<String> SAME_IN_RUSSIAN = Set.of("sni.name", "http.diff.keys");

  private final Catalogue english = Catalogue.english();
  private final Catalogue russian = Catalogue.of("ru").orElseThrow();

  @Test
  void everyKeyExistsInBothLanguages() {
    assertThat(russian.templates().keySet()).containsExactlyInAnyOrderElementsOf(english.templates().keySet());
    assertThat(english.templates()).hasSizeGreaterThan(150);
  }

  /** java.util.Properties keeps the last of two lines with one key, silently. */
  @Test
  void noBundleNamesAKeyTwice() throws IOException {
    for (String bundle : List.of("Evidence.properties", "Evidence_ru.properties")) {
      List<String> keys = Files.readAllLines(BUNDLES.resolve(bundle)).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('='))).toList();
      assertThat(keys).as(bundle).doesNotHaveDuplicates();
    }
  }

  @Test
  void everyKeyHasTheSamePlaceholdersInBothLanguages() {
    english.templates().forEach((key, en) -> assertThat(new HashSet<>(russian.template(key).placeholders()))
        .as(key).isEqualTo(new HashSet<>(en.placeholders())));
  }

  @Test
  void everyRussianTemplateIsRussian() {
    russian.templates().forEach((key, ru) -> {
      if (SAME_IN_RUSSIAN.contains(key)) {
        assertThat(ru.source()).as(key).isEqualTo(english.template(key).source());
      } else {
        assertThat(CYRILLIC.matcher(ru.source()).find()).as(key + ": " + ru.source()).isTrue();
      }
    });
  }

  /** The parser needs literal text between captures, and some words to tell one template from another. */
  @Test
  void everyEnglishTemplateHasWordsAndTextBetweenItsPlaceholders() {
    english.templates().forEach((key, t) -> {
      for (int i = 1; i < t.literals().size() - 1; i++) {
        assertThat(t.literals().get(i)).as(key + " between placeholders").isNotEmpty();
      }
      assertThat(String.join("", t.literals())).as(key).containsPattern("[A-Za-z]{2,}");
    });
  }

  @Test
  void noTwoEnglishTemplatesAreTheSame() {
    Map<String, Long> counts = english.templates().values().stream()
        .collect(Collectors.groupingBy(Template::source, Collectors.counting()));
    assertThat(counts).allSatisfy((source, n) -> assertThat(n).as(source).isEqualTo(1L));
  }

  /** Format with sample arguments, parse back to the same key and arguments, render in Russian. */
  @TestFactory
  Stream<DynamicTest> everyTemplateRoundTrips() {
    return english.templates().values().stream().map(t -> DynamicTest.dynamicTest(t.key(), () -> {
      Object[] args = sampleArgs(t);
      String sentence = t.format(args);

      SentenceParser.Parse p = new SentenceParser(english).parse(sentence).orElseThrow();
      assertThat(p.template().key()).isEqualTo(t.key());
      for (Template.Placeholder ph : t.placeholders()) {
        assertThat(p.argTexts()[ph.index()]).isEqualTo(String.valueOf(args[ph.index()]));
      }

      String ru = EvidenceText.render(sentence, RU);
      assertThat(ru).isEqualTo(russian.template(t.key()).format(renderedArgs(t, args)));
      for (Template.Placeholder ph : t.placeholders()) {
        if (ph.kind() != Template.Kind.TEXT) {
          assertThat(ru).contains(String.valueOf(args[ph.index()]));
        }
      }
    }));
  }

  /** Data with dots, colons and slashes, numbers with decimals, and a nested sentence for text. */
  private static Object[] sampleArgs(Template t) {
    Object[] args = new Object[t.arity()];
    for (Template.Placeholder ph : t.placeholders()) {
      int i = ph.index();
      args[i] = switch (ph.kind()) {
        case DATA -> "d" + i + ".example:" + i + "/x_y";
        case NUMBER -> i % 2 == 0 ? String.valueOf(1000 + i) : "4." + i;
        case TEXT -> Evidence.sentence("tcp.failed", "192.0.2." + i + ":443", "connection_reset", 30 + i);
      };
    }
    return args;
  }

  private Object[] renderedArgs(Template t, Object[] args) {
    Object[] out = args.clone();
    for (Template.Placeholder ph : t.placeholders()) {
      if (ph.kind() == Template.Kind.TEXT) {
        int i = ph.index();
        out[i] = russian.template("tcp.failed").format("192.0.2." + i + ":443", "connection_reset", 30 + i);
      }
    }
    return out;
  }

  @Test
  void anUnknownKeyOrAMissingArgumentIsAnError() {
    assertThatThrownBy(() -> Evidence.sentence("no.such.sentence")).hasMessageContaining("no.such.sentence");
    assertThatThrownBy(() -> Evidence.sentence("tcp.failed", "192.0.2.1:443")).hasMessageContaining("{1}");
  }
}
