package dev.msgprobe.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The languages msgprobe speaks: {@code --lang ru|en}, else the locale of the environment. */
public enum Lang {
  EN(Locale.ROOT),
  RU(Locale.forLanguageTag("ru"));

  /** The POSIX locale variables in the order of precedence: the first one set decides. */
  private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

  private final Locale locale;

  Lang(Locale locale) {
    this.locale = locale;
  }

  /** {@code en} or {@code ru}: the value of {@code --lang} and of an HTML page's {@code lang}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The bundle locale: the root bundle for English, {@code ru} for Russian. */
  public Locale locale() {
    return locale;
  }

  /** {@code ru} or {@code en} in any case; null for anything else. */
  public static Lang parse(String code) {
    if (code == null) {
      return null;
    }
    return switch (code.strip().toLowerCase(Locale.ROOT)) {
      case "ru" -> RU;
      case "en" -> EN;
      default -> null;
    };
  }

  /** Russian when the first of LC_ALL, LC_MESSAGES, LANG that is set starts with {@code ru}; else English. */
  public static Lang fromEnvironment(Map<String, String> env) {
    for (String variable : LOCALE_VARIABLES) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        return value.toLowerCase(Locale.ROOT).startsWith("ru") ? RU : EN;
      }
    }
    return EN;
  }

  /**
   * The language of a command line: the value of its {@code --lang} (before any {@code --}) when it
   * names one, else the environment's. A bad value is left for the parser to report.
   */
  public static Lang chosen(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ("--".equals(arg)) {
        break;
      }
      Lang lang = null;
      if (arg.startsWith("--lang=")) {
        lang = parse(arg.substring("--lang=".length()));
      } else if ("--lang".equals(arg) && i + 1 < args.length) {
        lang = parse(args[i + 1]);
      }
      if (lang != null) {
        return lang;
      }
    }
    return fromEnvironment(env);
  }
}
