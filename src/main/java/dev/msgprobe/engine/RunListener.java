package dev.msgprobe.engine;

import java.nio.file.Path;

/**
 * Hears a run's report being written: each line right after it is in the file (from the campaign's
 * threads), then the end of the run. A listener must not throw; what it does is an addition to the
 * report, never a condition for it.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** The run is about to write {@code report} (a new file, or one it continues with --resume). */
  default void started(Path report) {}

  /** {@code line} (one JSON measurement, as written, without its newline) is now in the report. */
  default void written(String line) {}

  /** The run is over (completed or interrupted) and {@code report} holds every line of it. */
  default void finished(Path report) {}
}
