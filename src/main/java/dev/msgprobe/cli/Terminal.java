package dev.msgprobe.cli;

import dev.msgprobe.engine.Display;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Help.Ansi;

/**
 * What the process's output is attached to, right on every JDK from 17 up. {@code System.console()}
 * alone is not enough: from JDK 22 it is non-null even when output is piped. Where Linux's
 * {@code /proc/self/fd} tells whether stdout or stderr is a terminal, that answer is used (it
 * also tells stdout from stderr); elsewhere picocli's {@code Ansi.AUTO}, which checks
 * {@code Console.isTerminal()} on JDK 22+.
 */
final class Terminal {
  private Terminal() {}

  /** {@code --color}: {@code auto} colours only a terminal without NO_COLOR. */
  enum ColorMode { auto, always, never }

  /** The display for a command printing a table on stdout and progress on stderr. */
  static Display display(ColorMode mode) {
    Map<String, String> env = System.getenv();
    // without /proc, picocli's Ansi.AUTO (which also honours NO_COLOR) answers for stdout
    boolean stdout = procFd(1).orElseGet(Ansi.AUTO::enabled);
    return decide(mode, env, stdout, procFd(2).orElseGet(Terminal::consoleIsTerminal), columns(env));
  }

  /** Whether to colour stdout, for a command that draws no progress. */
  static boolean colour(ColorMode mode) {
    Map<String, String> env = System.getenv();
    return decide(mode, env, procFd(1).orElseGet(Ansi.AUTO::enabled), false, 80).colour();
  }

  /**
   * The decision, from the facts: colour by the mode, NO_COLOR (set and not empty) and a terminal
   * on stdout; a live line only on a terminal on stderr whose TERM is not {@code dumb}.
   */
  static Display decide(ColorMode mode, Map<String, String> env, boolean stdoutTerminal, boolean stderrTerminal, int columns) {
    boolean noColor = env.getOrDefault("NO_COLOR", "").length() > 0;
    boolean colour = switch (mode) {
      case always -> true;
      case never -> false;
      case auto -> stdoutTerminal && !noColor;
    };
    String term = env.get("TERM");
    boolean live = stderrTerminal && term != null && !term.equals("dumb");
    return new Display(colour, live, columns);
  }

  private static Optional<Boolean> procFd(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return Optional.of(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A console that is a terminal: {@code Console.isTerminal()} from JDK 22, non-null before. */
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** The terminal's width: {@code COLUMNS}, else {@code stty size} on /dev/tty, else 80. */
  static int columns(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
      if (columns > 0) {
        return columns;
      }
    } catch (NumberFormatException notSet) {
      // ask the terminal
    }
    return stty().orElse(80);
  }

  private static Optional<Integer> stty() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      String[] rowsColumns = out.split("\\s+");
      int columns = rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
      return columns > 0 ? Optional.of(columns) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
