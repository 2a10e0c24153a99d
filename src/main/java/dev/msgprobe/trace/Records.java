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
import java.util.function.LongUnaryOperator;

/**
 * The archival entries of a {@link Trace}, each kind in the order recorded. Thread-safe: steps may
 * record concurrently.
 */
final class Records {
  private final List<DnsQuery> queries = new ArrayList<>();
  private final List<TcpConnect> tcpConnects = new ArrayList<>();
  private final List<TlsHandshake> tlsHandshakes = new ArrayList<>();
  private final List<TlsHandshake> quicHandshakes = new ArrayList<>();
  private String endpoint;
  private String failure;
  private final List<HttpTransaction> requests = new ArrayList<>();
  private final List<NetworkEvent> events = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();

  synchronized void add(DnsQuery q) {
    queries.add(q);
  }

  synchronized void add(TcpConnect c) {
    tcpConnects.add(c);
  }

  synchronized void add(TlsHandshake h) {
    tlsHandshakes.add(h);
  }

  synchronized void addQuic(TlsHandshake h) {
    quicHandshakes.add(h);
  }

  synchronized void setOutcome(String endpoint, String failure) {
    this.endpoint = endpoint;
    this.failure = failure;
  }

  synchronized void add(HttpTransaction r) {
    requests.add(r);
  }

  synchronized void add(NetworkEvent e) {
    events.add(e);
  }

  synchronized void add(Transfer t) {
    transfers.add(t);
  }

  /** Appends every entry of {@code from}, in the order recorded there, each under {@code id.applyAsLong(its id)}. */
  void appendAll(Records from, LongUnaryOperator id) {
    Records copy = from.copy();
    synchronized (this) {
      copy.queries.forEach(e -> queries.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      copy.tcpConnects.forEach(e -> tcpConnects.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      copy.tlsHandshakes.forEach(e -> tlsHandshakes.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      copy.quicHandshakes.forEach(e -> quicHandshakes.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      if (copy.endpoint != null) {
        endpoint = copy.endpoint;
        failure = copy.failure;
      }
      copy.requests.forEach(e -> requests.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      copy.events.forEach(e -> events.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
      copy.transfers.forEach(e -> transfers.add(e.withTransactionId(id.applyAsLong(e.transactionId()))));
    }
  }

  /** The entries as test keys, verdict null, {@code requests} newest first as OONI lists them. */
  synchronized TestKeys toTestKeys() {
    List<HttpTransaction> reversed = new ArrayList<>(requests);
    Collections.reverse(reversed);
    return new TestKeys("redirect", null, failure, List.copyOf(queries), List.copyOf(tcpConnects),
        List.copyOf(tlsHandshakes), reversed, List.copyOf(events), List.copyOf(transfers), null,
        List.copyOf(quicHandshakes), endpoint);
  }

  private synchronized Records copy() {
    Records copy = new Records();
    copy.queries.addAll(queries);
    copy.tcpConnects.addAll(tcpConnects);
    copy.tlsHandshakes.addAll(tlsHandshakes);
    copy.quicHandshakes.addAll(quicHandshakes);
    copy.endpoint = endpoint;
    copy.failure = failure;
    copy.requests.addAll(requests);
    copy.events.addAll(events);
    copy.transfers.addAll(transfers);
    return copy;
  }
}
