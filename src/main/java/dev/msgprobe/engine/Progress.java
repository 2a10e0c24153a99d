package dev.msgprobe.engine;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Verdict;

/** Observes a campaign's progress; called from worker threads, must be fast and never throw. */
public interface Progress {
  Progress NONE = new Progress() {};

  default void started(String phase, int total) {}

  default void finished(Endpoint endpoint, Verdict verdict) {}

  default void done() {}
}
