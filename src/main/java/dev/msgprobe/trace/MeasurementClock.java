package dev.msgprobe.trace;

import java.util.function.LongSupplier;

/**
 * The time of one measurement: seconds since the zero read at construction, rounded to microseconds.
 * Every branch of a measurement's {@link Trace} reads the same clock, so all its entries share one
 * zero. Thread-safe when the nanosecond source is.
 */
public final class MeasurementClock {
  private final LongSupplier nanos;
  private final long zero;

  /** A clock on {@link System#nanoTime()}. */
  public MeasurementClock() {
    this(System::nanoTime);
  }

  /** A clock on {@code nanos} (tests pass a fake one); its zero is read now. */
  public MeasurementClock(LongSupplier nanos) {
    this.nanos = nanos;
    this.zero = nanos.getAsLong();
  }

  /** Seconds since this clock's zero, rounded to microseconds. */
  public double now() {
    return Math.round((nanos.getAsLong() - zero) / 1_000.0) / 1_000_000.0;
  }
}
