package dev.msgprobe.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a {@link Trace} takes its transaction ids. A measurement's trace counts from 1. A branch
 * hands out provisional ids (negative, unique in the process) and remembers the order it handed them
 * out in; when the branch is merged each one becomes the next id of the trace it is merged into, in
 * that order. So an id never depends on which concurrent step asked first, only on the fixed order in
 * which branches are merged and on the order of the requests within each step. Thread-safe.
 */
abstract sealed class TransactionIds {
  private static final AtomicLong PROVISIONAL = new AtomicLong();

  abstract long next();

  static TransactionIds counting() {
    return new Counting();
  }

  static Provisional provisional() {
    return new Provisional();
  }

  /** 1, 2, 3, … */
  static final class Counting extends TransactionIds {
    private final AtomicLong last = new AtomicLong();

    @Override
    long next() {
      return last.incrementAndGet();
    }
  }

  /** Negative ids unique in the process, kept in the order handed out. */
  static final class Provisional extends TransactionIds {
    private final List<Long> handedOut = new ArrayList<>();

    @Override
    synchronized long next() {
      long id = PROVISIONAL.decrementAndGet();
      handedOut.add(id);
      return id;
    }

    /** The ids handed out so far, oldest first. */
    synchronized List<Long> handedOut() {
      return List.copyOf(handedOut);
    }
  }
}
