package dev.msgprobe.net;

/**
 * The timing rules of one byte stream (a transfer's download or upload), as a pure object: it is fed
 * the cumulative byte count at times read from an injected nanosecond clock (the same
 * {@code LongSupplier} kind as {@link ListeningWindow} and the trace's clock) and tells, for any time,
 * which state the stream is in. No sockets and no sleeping, so every rule is testable in virtual time.
 *
 * <ul>
 *   <li>{@link State#WAITING}: no byte yet, the first-byte window still open;</li>
 *   <li>{@link State#SILENT}: no byte for the whole first-byte window (a server slow to answer, or a
 *       path that carries nothing): not a stall;</li>
 *   <li>{@link State#FLOWING}: the count grew within the stall window;</li>
 *   <li>{@link State#STALLED}: some bytes, then no growth for the stall window: the data stopped;</li>
 *   <li>{@link State#DEADLINE}: the deadline passed while bytes still came (however slowly): a slow
 *       stream, not a stall.</li>
 * </ul>
 * When both have passed, a stall or silence comes before the deadline. Not thread-safe.
 */
final class ByteProgress {
  /** Where a stream stands at a given time. */
  enum State { WAITING, SILENT, FLOWING, STALLED, DEADLINE }

  private final long start;
  private final long firstByteNanos;
  private final long stallNanos;
  private final long deadlineNanos;
  private long bytes;
  private long lastGrowth;

  /**
   * A stream that starts at {@code startNanos}: it must show a first byte within {@code firstByteNanos},
   * then grow at least once every {@code stallNanos}, and ends at {@code deadlineNanos} after its start.
   */
  ByteProgress(long startNanos, long firstByteNanos, long stallNanos, long deadlineNanos) {
    this.start = startNanos;
    this.firstByteNanos = firstByteNanos;
    this.stallNanos = stallNanos;
    this.deadlineNanos = deadlineNanos;
    this.lastGrowth = startNanos;
  }

  /** The cumulative count was {@code cumulativeBytes} at {@code nanos}; only growth counts as progress. */
  void observe(long nanos, long cumulativeBytes) {
    if (cumulativeBytes > bytes) {
      bytes = cumulativeBytes;
      lastGrowth = nanos;
    }
  }

  /** The state at {@code nanos}. */
  State state(long nanos) {
    if (bytes == 0) {
      if (nanos - start >= firstByteNanos) {
        return State.SILENT;
      }
      return nanos - start >= deadlineNanos ? State.DEADLINE : State.WAITING;
    }
    if (nanos - lastGrowth >= stallNanos) {
      return State.STALLED;
    }
    return nanos - start >= deadlineNanos ? State.DEADLINE : State.FLOWING;
  }

  /** True once the stream is over at {@code nanos}: silent, stalled or past its deadline. */
  boolean over(long nanos) {
    State s = state(nanos);
    return s != State.WAITING && s != State.FLOWING;
  }

  /** Nanoseconds from {@code nanos} until the state can next change without new bytes; at least 1. */
  long untilNextDecision(long nanos) {
    long window = bytes == 0 ? start + firstByteNanos : lastGrowth + stallNanos;
    return Math.max(1, Math.min(window, start + deadlineNanos) - nanos);
  }

  /** The largest count seen. */
  long bytes() {
    return bytes;
  }

  /**
   * Seconds from the start to the last growth (0 before the first byte): the time the data took, so
   * a stall's silent wait does not dilute the goodput.
   */
  double activeSeconds() {
    return bytes == 0 ? 0 : (lastGrowth - start) / 1e9;
  }

  /** Seconds from the start to {@code nanos}. */
  double secondsUntil(long nanos) {
    return Math.max(0, nanos - start) / 1e9;
  }
}
