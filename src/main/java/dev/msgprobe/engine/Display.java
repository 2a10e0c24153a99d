package dev.msgprobe.engine;

/**
 * What a person's screen can show, decided by the command line from the terminal and the
 * options: ANSI colour on stdout, a live redrawn progress line on stderr, and that line's width.
 *
 * @param width the terminal's columns; the live line never takes more than {@code width - 1}
 */
public record Display(boolean colour, boolean live, int width) {
  /** Plain text, no redrawing: a pipe, a file, a log. */
  public static final Display PLAIN = new Display(false, false, 80);

  public Display {
    if (width < 20) {
      width = 20;
    }
  }
}
