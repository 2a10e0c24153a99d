package dev.msgprobe.analysis;

/** Durations of report entries, as verdict evidence writes them. */
final class Elapsed {
  private Elapsed() {}

  /** Milliseconds between an entry's {@code t0} and {@code t} (seconds), rounded. */
  static long ms(double t0, double t) {
    return Math.round((t - t0) * 1000);
  }
}
