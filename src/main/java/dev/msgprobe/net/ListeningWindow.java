package dev.msgprobe.net;

import java.util.function.LongSupplier;

/**
 * How long a DNS-over-UDP query keeps listening: until {@code timeout} after it was sent, or, once
 * the first valid reply came, until {@code grace} after that reply if that is sooner (late replies,
 * such as the real answer behind a forged one, arrive in that window). Times are read from an
 * injected nanosecond clock, so the rule is testable in virtual time. Not thread-safe.
 */
final class ListeningWindow {
  private final LongSupplier nanos;
  private final long graceNanos;
  private long deadline;
  private boolean answered;

  /** A window opened now on {@code nanos}. */
  ListeningWindow(LongSupplier nanos, long timeoutNanos, long graceNanos) {
    this.nanos = nanos;
    this.graceNanos = graceNanos;
    this.deadline = nanos.getAsLong() + timeoutNanos;
  }

  /** Nanoseconds left to listen; zero or less once the window has closed. */
  long left() {
    return deadline - nanos.getAsLong();
  }

  /** A valid reply arrived now; the first one narrows the window to the grace after it. */
  void replied() {
    if (!answered) {
      answered = true;
      deadline = Math.min(deadline, nanos.getAsLong() + graceNanos);
    }
  }
}
