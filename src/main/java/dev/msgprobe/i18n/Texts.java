package dev.msgprobe.i18n;

import dev.msgprobe.evidence.EvidenceText;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one language, read from the bundle {@value #BUNDLE} (UTF-8 .properties). A message
 * with arguments is a {@link MessageFormat} pattern; numbers are passed as plain digits, never grouped,
 * so {@code 1234} reads the same in both languages.
 */
public final class Texts {
  /** The base name of the bundle; picocli reads the help texts from the same bundle. */
  public static final String BUNDLE = "dev.msgprobe.i18n.Messages";

  private static final Texts ENGLISH = new Texts(Lang.EN);
  private static final Texts RUSSIAN = new Texts(Lang.RU);

  private final Lang lang;
  private final ResourceBundle bundle;

  private Texts(Lang lang) {
    this.lang = lang;
    this.bundle = ResourceBundle.getBundle(BUNDLE, lang.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Texts of(Lang lang) {
    return lang == Lang.RU ? RUSSIAN : ENGLISH;
  }

  public static Texts english() {
    return ENGLISH;
  }

  public Lang lang() {
    return lang;
  }

  /** The whole bundle of this language, for picocli's help. */
  public ResourceBundle bundle() {
    return bundle;
  }

  /** The message {@code key} with {@code args} filled in; a missing key is a programming error. */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      plain[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
    }
    return new MessageFormat(pattern, lang.locale()).format(plain);
  }

  /** The message {@code key}, or null when this language has none (for keys built from open vocabularies). */
  public String find(String key, Object... args) {
    return bundle.containsKey(key) ? get(key, args) : null;
  }

  /** {@code one} or {@code many} form of a count in English; Russian's three forms (1, 2–4, 5+) under {@code key.one|few|many}. */
  public String count(String key, long n) {
    return get(key + "." + plural(n), n);
  }

  private String plural(long n) {
    long tens = n % 100;
    long units = n % 10;
    if (lang == Lang.EN) {
      return n == 1 ? "one" : "many";
    }
    if (units == 1 && tens != 11) {
      return "one";
    }
    return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
  }

  /**
   * An evidence sentence as a person reads it in this language. The report keeps the English
   * sentence; every renderer shows one through here.
   */
  public String evidence(String sentence) {
    return EvidenceText.render(sentence, lang.locale());
  }

  /** A status of the report's vocabulary ({@code partially_blocked}) in words; unknown names as they are. */
  public String status(String wire) {
    if (wire == null) {
      return get("status.unknown");
    }
    String words = find("status." + wire);
    return words != null ? words : wire.replace('_', ' ');
  }

}
