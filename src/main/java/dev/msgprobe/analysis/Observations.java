package dev.msgprobe.analysis;

import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import java.util.List;
import java.util.Locale;

/** One measurement's observations, selected by step (see {@link AttemptRole}) and, for DNS, by host name. */
final class Observations {
  final TestKeys keys;
  private final String host;

  Observations(TestKeys keys, String host) {
    this.keys = keys;
    this.host = normaliseName(host);
  }

  /** The first UDP replies of the resolver under test for this endpoint's host (A, and AAAA when asked). */
  List<DnsQuery> system() {
    return queries(Tags.SYSTEM).stream().filter(q -> !q.hasTag(Tags.LATE)).toList();
  }

  /** UDP replies that arrived after the first one for the same query. */
  List<DnsQuery> late() {
    return queries(Tags.SYSTEM).stream().filter(q -> q.hasTag(Tags.LATE)).toList();
  }

  List<DnsQuery> tcpDns() {
    return queries(Tags.TCP_DNS);
  }

  List<DnsQuery> doh() {
    return queries(Tags.DOH);
  }

  /** Lookups of the resolver-echo name (any host name). */
  List<DnsQuery> resolverEcho() {
    return keys.queries().stream().filter(q -> q.hasTag(Tags.RESOLVER_ECHO)).toList();
  }

  List<TcpConnect> connects(AttemptRole step) {
    return keys.tcpConnect().stream().filter(c -> AttemptRole.of(c.tags()) == step).toList();
  }

  List<TlsHandshake> handshakes(AttemptRole step) {
    return keys.tlsHandshakes().stream().filter(h -> AttemptRole.of(h.tags()) == step).toList();
  }

  /** Requests of a step in OONI's order: the last hop of a redirect chain first. */
  /**
   * Requests of one step. For {@link AttemptRole#CONTROL} only the control vantage's own fetch of the endpoint
   * counts: the probe's call to the helper (a POST to the helper's URL, recorded when that call failed)
   * says nothing about the endpoint.
   */
  List<HttpTransaction> requests(AttemptRole step) {
    return keys.requests().stream().filter(r -> AttemptRole.of(r.tags()) == step)
        .filter(r -> step != AttemptRole.CONTROL || !isHelperCall(r)).toList();
  }

  private static boolean isHelperCall(HttpTransaction r) {
    return r.request() != null && "POST".equalsIgnoreCase(r.request().method());
  }

  List<Transfer> transfers() {
    return keys.transfers().stream().filter(t -> AttemptRole.of(t.tags()) != AttemptRole.CONTROL).toList();
  }

  private List<DnsQuery> queries(String tag) {
    return keys.queries().stream()
        .filter(q -> q.hasTag(tag) && !q.hasTag(Tags.RESOLVER_ECHO) && normaliseName(q.hostname()).equals(host))
        .toList();
  }

  private static String normaliseName(String name) {
    if (name == null) {
      return "";
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
