package dev.msgprobe.trace;

import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The archival record of one measurement. Thread-safe: steps may record concurrently. Times are
 * seconds since the zero taken at construction; transaction ids start at 1 and are unique within
 * the trace. Entries are kept in the order recorded; {@link #toTestKeys()} puts {@code requests} in
 * OONI's reverse-chronological order.
 */
public final class Trace {
  private final LongSupplier nanoClock;
  private final long zero;
  private final AtomicLong transactions = new AtomicLong();
  private final List<DnsQuery> queries = Collections.synchronizedList(new ArrayList<>());
  private final List<TcpConnect> tcpConnects = Collections.synchronizedList(new ArrayList<>());
  private final List<TlsHandshake> tlsHandshakes = Collections.synchronizedList(new ArrayList<>());
  private final List<TlsHandshake> quicHandshakes = Collections.synchronizedList(new ArrayList<>());
  private final List<HttpTransaction> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<NetworkEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final List<Transfer> transfers = Collections.synchronizedList(new ArrayList<>());
  private volatile String endpoint;
  private volatile String failure;

  public Trace() {
    this(System::nanoTime);
  }

  /** A trace whose clock is {@code nanoClock} (tests pass a fake one). */
  public Trace(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.zero = nanoClock.getAsLong();
  }

  /** Seconds since this trace's zero, rounded to microseconds. */
  public double now() {
    return Math.round((nanoClock.getAsLong() - zero) / 1_000.0) / 1_000_000.0;
  }

  public long newTransaction() {
    return transactions.incrementAndGet();
  }

  public void add(DnsQuery q) {
    queries.add(q);
  }

  public void add(TcpConnect c) {
    tcpConnects.add(c);
  }

  public void add(TlsHandshake h) {
    tlsHandshakes.add(h);
  }

  /** A QUIC handshake ({@code network: "quic"}), kept apart from the TLS-over-TCP ones as OONI does. */
  public void addQuic(TlsHandshake h) {
    quicHandshakes.add(h);
  }

  /**
   * The measurement's own outcome in OONI's top-level keys, for tests that have one (a {@code stun}
   * endpoint: {@code endpoint} and {@code failure} of stunreachability).
   */
  public void setOutcome(String endpoint, String failure) {
    this.endpoint = endpoint;
    this.failure = failure;
  }

  public void add(HttpTransaction r) {
    requests.add(r);
  }

  public void add(NetworkEvent e) {
    events.add(e);
  }

  public void add(Transfer t) {
    transfers.add(t);
  }

  /** The observations so far, verdict null. */
  public TestKeys toTestKeys() {
    List<HttpTransaction> reversed;
    synchronized (requests) {
      reversed = new ArrayList<>(requests);
    }
    Collections.reverse(reversed);
    return new TestKeys("redirect", null, failure, snapshot(queries), snapshot(tcpConnects),
        snapshot(tlsHandshakes), reversed, snapshot(events), snapshot(transfers), null, snapshot(quicHandshakes),
        endpoint);
  }

  private static <T> List<T> snapshot(List<T> list) {
    synchronized (list) {
      return List.copyOf(list);
    }
  }
}
