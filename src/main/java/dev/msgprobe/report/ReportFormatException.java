package dev.msgprobe.report;

import java.io.IOException;
import java.nio.file.Path;

/** A report line that is not a measurement; the message starts with {@code FILE:LINE:}. */
public final class ReportFormatException extends IOException {
  private final Path file;
  private final int line;

  ReportFormatException(Path file, int line, String problem, Throwable cause) {
    super(file + ":" + line + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based. */
  public int line() {
    return line;
  }
}
