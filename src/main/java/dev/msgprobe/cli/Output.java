package dev.msgprobe.cli;

import dev.msgprobe.i18n.Texts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's text to stdout, or to {@code -o FILE} (replacing it). */
final class Output {
  private Output() {}

  /** Returns the exit status: OK, or BAD_INPUT with a message naming the file. */
  static int write(String command, String text, Path file, PrintWriter out, PrintWriter err, Texts texts) {
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
      err.println(texts.get("output.cannotWrite", command, file, e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
  }
}
