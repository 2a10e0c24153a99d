package dev.msgprobe.analysis;

import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.ResponseProgress;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Canned observations, written the way the measurer records them (docs/design/measurement.md):
 * each call appends one entry, in chronological order; durations are given in milliseconds.
 */
final class Obs {
  static final String RESOLVER = "192.0.2.53:53";
  static final String DOH_URL = "https://198.51.100.1/dns-query";

  private final List<DnsQuery> queries = new ArrayList<>();
  private final List<TcpConnect> connects = new ArrayList<>();
  private final List<TlsHandshake> handshakes = new ArrayList<>();
  private final List<HttpTransaction> requests = new ArrayList<>();
  private final List<NetworkEvent> events = new ArrayList<>();
  private final List<Transfer> transfers = new ArrayList<>();
  private final Map<String, DnsAnswer> owners = new java.util.HashMap<>();
  private final List<TlsHandshake> quicHandshakes = new ArrayList<>();
  private String stunEndpoint;
  private String stunFailure;
  private double clock;
  private long tx;

  static Obs obs() {
    return new Obs();
  }

  /** The first UDP reply of the resolver under test. */
  Obs system(String host, String... addresses) {
    return query("udp", RESOLVER, host, null, addresses, Tags.SYSTEM);
  }

  Obs systemFails(String host, String failure) {
    return query("udp", RESOLVER, host, failure, new String[0], Tags.SYSTEM);
  }

  Obs late(String host, String... addresses) {
    return query("udp", RESOLVER, host, null, addresses, Tags.SYSTEM, Tags.LATE);
  }

  Obs tcpDns(String host, String... addresses) {
    return query("tcp", RESOLVER, host, null, addresses, Tags.TCP_DNS);
  }

  Obs tcpDnsFails(String host, String failure) {
    return query("tcp", RESOLVER, host, failure, new String[0], Tags.TCP_DNS);
  }

  Obs doh(String host, String... addresses) {
    return query("doh", DOH_URL, host, null, addresses, Tags.DOH);
  }

  Obs dohFails(String host, String failure) {
    return query("doh", DOH_URL, host, failure, new String[0], Tags.DOH);
  }

  Obs echo(String name, String address) {
    return query("udp", RESOLVER, name, null, new String[] {address}, Tags.RESOLVER_ECHO);
  }

  /** A TCP connect; {@code failure} null for success. */
  Obs connect(String ip, int port, String failure, long ms, String... tags) {
    double t0 = tick();
    connects.add(new TcpConnect(ip, port, TcpStatus.of(failure), t0, t0 + ms / 1000.0, List.of(tags), ++tx));
    return this;
  }

  Obs tls(String address, String sni, String failure, long ms, String... tags) {
    double t0 = tick();
    handshakes.add(new TlsHandshake("tcp", address, failure == null ? "TLS_AES_128_GCM_SHA256" : null, failure,
        failure == null ? "h2" : null, false, List.of(), sni, t0, t0 + ms / 1000.0, List.of(tags),
        failure == null ? "TLSv1.3" : null, ++tx));
    return this;
  }

  /** A failed TLS handshake that recorded the chain the server presented ({@code chain} leaf first, DER). */
  Obs tlsWithChain(String address, String sni, String failure, List<byte[]> chain, String... tags) {
    double t0 = tick();
    handshakes.add(new TlsHandshake("tcp", address, null, failure, null, false,
        chain.stream().map(BinaryData::of).toList(), sni, t0, t0 + 0.04, List.of(tags), null, ++tx));
    return this;
  }

  /** A QUIC handshake (ALPN h3); {@code failure} null for success. */
  Obs quic(String address, String sni, String failure, long ms, String... tags) {
    double t0 = tick();
    quicHandshakes.add(new TlsHandshake("quic", address, null, failure, failure == null ? "h3" : "", false, List.of(),
        sni, t0, t0 + ms / 1000.0, List.of(tags), failure == null ? "TLSv1.3" : null, ++tx));
    return this;
  }

  /**
   * A STUN endpoint's two transactions: the minimal request ({@code failure} null when answered) and
   * the padded one ({@code largeAnswered}), as udp write/read events.
   */
  Obs stun(String address, String failure, boolean largeAnswered) {
    stunEndpoint = address;
    stunFailure = failure;
    datagrams(address, failure == null, 28, List.of());
    datagrams(address, largeAnswered, 1100, List.of(Tags.LARGE_DATAGRAM));
    return this;
  }

  private void datagrams(String address, boolean answered, long bytes, List<String> tags) {
    long id = ++tx;
    double t0 = tick();
    events.add(new NetworkEvent(address, null, bytes, "write", "udp", t0, t0, tags, id));
    if (answered) {
      events.add(new NetworkEvent(address, null, 40L, "read", "udp", t0, t0 + 0.03, tags, id));
    }
  }

  /** A request with a response ({@code code} 0 for none). Headers as name, value, name, value... */
  Obs http(String address, String method, String url, int code, String failure, String body, String... headersAndTags) {
    List<List<String>> headers = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    int i = 0;
    for (; i + 1 < headersAndTags.length && !isTag(headersAndTags[i]); i += 2) {
      headers.add(List.of(headersAndTags[i], headersAndTags[i + 1]));
    }
    tags.addAll(Arrays.asList(headersAndTags).subList(i, headersAndTags.length));
    double t0 = tick();
    HttpResponse response = code == 0 ? HttpResponse.NONE
        : new HttpResponse(Body.of(body.getBytes(StandardCharsets.UTF_8)), false, code, headers,
            Map.of());
    HttpRequest request = new HttpRequest(Body.EMPTY, false, List.of(), Map.of(), method, HttpRequest.Tor.NONE,
        "tcp", url);
    requests.add(new HttpTransaction("tcp", address, "http/1.1", failure, request, response, t0, t0 + 0.05,
        List.copyOf(tags), ++tx));
    return this;
  }

  /**
   * The last request, given how its response arrived ({@code x_response_progress}): times in ms after
   * its start, null for a moment that never came; it ends {@code endMs} after its start.
   */
  Obs progress(Double sentMs, Double headMs, Double lastByteMs, long bodyBytes, double endMs) {
    HttpTransaction r = requests.remove(requests.size() - 1);
    double t0 = r.t0();
    requests.add(new HttpTransaction(r.network(), r.address(), r.alpn(), r.failure(), r.request(), r.response(), t0,
        t0 + endMs / 1000, r.tags(), r.transactionId(), new ResponseProgress(at(t0, sentMs), at(t0, headMs),
        at(t0, lastByteMs), bodyBytes)));
    return this;
  }

  private static Double at(double t0, Double ms) {
    return ms == null ? null : t0 + ms / 1000;
  }

  /** A download transfer (tag throughput) with its last cumulative sample. */
  Obs transfer(String address, long target, long bytes, double seconds, double kbps, boolean stalled, String failure,
      String... tags) {
    return transfer("download", "bytes_received_cumulative", address, target, bytes, seconds, kbps, stalled, failure,
        tags);
  }

  /** An upload transfer (tag throughput) with its last cumulative sample (bytes written: here the bytes delivered). */
  Obs upload(String address, long target, long bytes, double seconds, double kbps, boolean stalled, String failure,
      String... tags) {
    return transfer("upload", "bytes_sent_cumulative", address, target, bytes, seconds, kbps, stalled, failure, tags);
  }

  private Obs transfer(String direction, String sampled, String address, long target, long bytes, double seconds,
      double kbps, boolean stalled, String failure, String... tags) {
    double t0 = tick();
    long id = ++tx;
    List<String> all = new ArrayList<>(List.of(Tags.THROUGHPUT));
    all.addAll(List.of(tags));
    events.add(new NetworkEvent(address, null, bytes, sampled, "tcp", t0, t0 + seconds / 3, List.copyOf(all), id));
    transfers.add(new Transfer(address, "example.test", direction, target, bytes, seconds, kbps, stalled, failure,
        t0, t0 + seconds, List.copyOf(all), id));
    return this;
  }

  /** Every DNS answer of {@code address} lies in {@code asn} ({@code org}), as the engine annotates it. */
  Obs network(String address, long asn, String org) {
    owners.put(address, new DnsAnswer("A", asn, org, null, null, null, null));
    return this;
  }

  /** Applies a reusable piece of observations, e.g. a working path. */
  Obs then(UnaryOperator<Obs> more) {
    return more.apply(this);
  }

  TestKeys keys() {
    List<HttpTransaction> reversed = new ArrayList<>(requests);
    Collections.reverse(reversed);
    List<DnsQuery> annotated = queries.stream().map(this::withOwners).toList();
    return new TestKeys("redirect", null, stunFailure, annotated, connects, handshakes, reversed, events, transfers, null,
        quicHandshakes, stunEndpoint);
  }

  private DnsQuery withOwners(DnsQuery q) {
    if (q.answers() == null || owners.isEmpty()) {
      return q;
    }
    List<DnsAnswer> answers = q.answers().stream().map(a -> {
      DnsAnswer o = owners.get(a.address());
      return o == null ? a : a.withNetwork(o.asn(), o.asOrgName());
    }).toList();
    return q.withAnswers(answers);
  }

  private Obs query(String engine, String resolver, String host, String failure, String[] addresses, String... tags) {
    double t0 = tick();
    List<DnsAnswer> answers = failure != null ? null
        : Arrays.stream(addresses).map(a -> a.contains(":") ? DnsAnswer.aaaa(a, 300) : DnsAnswer.a(a, 300)).toList();
    Integer rcode = Failures.DNS_NXDOMAIN.equals(failure) ? Integer.valueOf(3) : (failure == null ? Integer.valueOf(0) : null);
    String realFailure = failure == null && addresses.length == 0 ? Failures.DNS_NO_ANSWER : failure;
    queries.add(new DnsQuery(answers, engine, realFailure, host, "A", null, rcode, resolver, null, null, t0,
        t0 + 0.02, List.of(tags), ++tx));
    return this;
  }

  private static boolean isTag(String s) {
    return List.of(Tags.RETRY, Tags.CONTROL, Tags.TRUSTED_ADDRESS, Tags.THROUGHPUT).contains(s);
  }

  private double tick() {
    clock += 0.1;
    return Math.round(clock * 1000) / 1000.0;
  }
}
