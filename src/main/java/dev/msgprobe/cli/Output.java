package dev.msgprobe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's text to stdout, or to {@code -o FILE} (replacing it). */
final class Output {
  private Output() {}

  /** Returns the exit status: OK, or BAD_INPUT with a message naming the file. */
  static int write(String command, String text, Path file, PrintWriter out, PrintWriter err) {
    if (file == null) {
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("msgprobe " + command + ": -o " + file + ": cannot write it: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
  }
}
