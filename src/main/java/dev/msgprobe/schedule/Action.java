package dev.msgprobe.schedule;

import java.nio.file.Path;
import java.util.List;

/** One change to the machine that installing or removing a schedule makes; printed by --dry-run. */
public sealed interface Action {
  /** Writes {@code text} to {@code file}, creating its directory. */
  record WriteFile(Path file, String text) implements Action {
    @Override
    public String toString() {
      return "write " + file + ":\n" + text.indent(4).stripTrailing();
    }
  }

  record MakeDirectory(Path dir) implements Action {
    @Override
    public String toString() {
      return "mkdir -p " + dir;
    }
  }

  record DeleteFile(Path file) implements Action {
    @Override
    public String toString() {
      return "delete " + file;
    }
  }

  /** Runs a command; {@code stdin} may be null. */
  record Run(List<String> argv, String stdin) implements Action {
    @Override
    public String toString() {
      return "run " + String.join(" ", argv) + (stdin == null ? "" : " with input:\n" + stdin.indent(4).stripTrailing());
    }
  }
}
