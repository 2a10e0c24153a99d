package dev.msgprobe.measure;

import java.time.Duration;

/** Waits between a failed step and its retry; tests pass one that does not sleep. */
interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
