package dev.msgprobe.evidence;

import java.util.Locale;
import java.util.Optional;

/**
 * Evidence for a person to read: a stored English sentence shown in the reader's language. The
 * sentence is matched against the English templates to recover its key and arguments, and the
 * language's template is filled with them; arguments that are data (addresses, hosts, failure strings,
 * numbers) stay as they are. A sentence no template matches (an older or newer msgprobe's, or a
 * language without a bundle) is shown unchanged.
 */
public final class EvidenceText {
  private EvidenceText() {}

  /** {@code sentence} in {@code locale}'s language, or unchanged when it cannot be rendered there. */
  public static String render(String sentence, Locale locale) {
    if (sentence == null || locale == null) {
      return sentence;
    }
    String language = locale.getLanguage();
    if (language.isEmpty() || Catalogue.ENGLISH.equals(language)) {
      return sentence;
    }
    Optional<Catalogue> target = Catalogue.of(language);
    if (target.isEmpty()) {
      return sentence;
    }
    return new SentenceParser(Catalogue.english()).parse(sentence)
        .map(p -> render(p, target.get())).orElse(sentence);
  }

  private static String render(SentenceParser.Parse p, Catalogue target) {
    Template t = target.templates().get(p.template().key());
    if (t == null) {
      return p.template().format(p.argTexts());
    }
    Object[] args = p.argTexts();
    for (int i = 0; i < p.args().size(); i++) {
      SentenceParser.Arg a = p.args().get(i);
      if (a.nested() != null) {
        args[p.template().placeholders().get(i).index()] = render(a.nested(), target);
      }
    }
    return t.format(args);
  }
}
