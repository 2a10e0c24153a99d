package dev.msgprobe.evidence;

/**
 * Evidence sentences as reports carry them: the English template of {@code key} with its arguments.
 * The analysis builds every sentence here, so each one has a template that {@link EvidenceText} can
 * render in another language.
 */
public final class Evidence {
  private Evidence() {}

  /**
   * The English sentence (or fragment, for a {@code {n,text}} argument of another sentence) of
   * {@code key}. Arguments are written with {@code String.valueOf}; numbers with decimals are passed
   * already formatted. An unknown key or a missing argument is a programming error.
   */
  public static String sentence(String key, Object... args) {
    return Catalogue.english().template(key).format(args);
  }
}
