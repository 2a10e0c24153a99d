package dev.msgprobe.cli;

/** What the process is attached to: colour only on a terminal and without NO_COLOR. */
final class Terminal {
  private Terminal() {}

  static boolean colourStdout() {
    String noColor = System.getenv("NO_COLOR");
    return System.console() != null && (noColor == null || noColor.isEmpty());
  }

  /** A live, redrawn progress line only when stderr is a terminal (approximated by a console). */
  static boolean liveStderr() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
  }
}
