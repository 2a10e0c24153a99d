package dev.msgprobe.trace;

import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The archival record of one measurement, made of three parts: a {@link MeasurementClock} (times are
 * seconds since the measurement's zero), a source of transaction ids and a store of entries, kept
 * in the order recorded; {@link #toTestKeys()} puts {@code requests} in OONI's reverse-chronological
 * order. Thread-safe.
 *
 * <p>Steps that run at the same time each record into a {@link #branch()} and the branches are
 * {@linkplain #merge merged} in a fixed order, so that neither the order of the entries nor their
 * transaction ids depend on thread timing: a measurement's trace hands out ids 1, 2, 3, … to the
 * steps that run one after the other; an id a step takes from its branch is assigned when the branch
 * is merged (see {@link TransactionIds}). A branch may also record ids its caller took beforehand
 * from the trace it branched from; those are kept as they are.
 */
public final class Trace {
  private final MeasurementClock clock;
  private final TransactionIds ids;
  private final Records records = new Records();

  public Trace() {
    this(new MeasurementClock());
  }

  /** A trace whose clock is {@code nanoClock} (tests pass a fake one). */
  public Trace(LongSupplier nanoClock) {
    this(new MeasurementClock(nanoClock));
  }

  /** A measurement's trace on {@code clock}, ids from 1. */
  public Trace(MeasurementClock clock) {
    this(clock, TransactionIds.counting());
  }

  private Trace(MeasurementClock clock, TransactionIds ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** Seconds since the measurement's zero, rounded to microseconds. */
  public double now() {
    return clock.now();
  }

  public MeasurementClock clock() {
    return clock;
  }

  /** A new transaction id: the next one for a measurement's trace, a provisional one for a branch. */
  public long newTransaction() {
    return ids.next();
  }

  /**
   * A trace for one of several steps that run at the same time: this trace's clock, entries of its
   * own, provisional transaction ids. Its entries reach this trace only through {@link #merge}.
   */
  public Trace branch() {
    return new Trace(clock, TransactionIds.provisional());
  }

  /**
   * Appends every entry of {@code branch} (one of this trace's branches, finished) in the order it was
   * recorded there. Each provisional id the branch handed out becomes a new id of this trace, in the
   * order the branch handed them out; other ids are kept.
   *
   * @throws IllegalArgumentException when {@code branch} is not a branch
   */
  public void merge(Trace branch) {
    if (!(branch.ids instanceof TransactionIds.Provisional provisional)) {
      throw new IllegalArgumentException("only a branch can be merged");
    }
    Map<Long, Long> assigned = new HashMap<>();
    List<Long> handedOut = provisional.handedOut();
    handedOut.forEach(id -> assigned.put(id, newTransaction()));
    records.appendAll(branch.records, id -> assigned.getOrDefault(id, id));
  }

  public void add(DnsQuery q) {
    records.add(q);
  }

  public void add(TcpConnect c) {
    records.add(c);
  }

  public void add(TlsHandshake h) {
    records.add(h);
  }

  /** A QUIC handshake ({@code network: "quic"}), kept apart from the TLS-over-TCP ones as OONI does. */
  public void addQuic(TlsHandshake h) {
    records.addQuic(h);
  }

  /**
   * The measurement's own outcome in OONI's top-level keys, for tests that have one (a {@code stun}
   * endpoint: {@code endpoint} and {@code failure} of stunreachability).
   */
  public void setOutcome(String endpoint, String failure) {
    records.setOutcome(endpoint, failure);
  }

  public void add(HttpTransaction r) {
    records.add(r);
  }

  public void add(NetworkEvent e) {
    records.add(e);
  }

  public void add(Transfer t) {
    records.add(t);
  }

  /** The observations so far, verdict null. */
  public TestKeys toTestKeys() {
    return records.toTestKeys();
  }
}
