package dev.msgprobe.testing;

import dev.msgprobe.measure.HostResolver;
import dev.msgprobe.measure.Resolution;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Tags;
import dev.msgprobe.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link HostResolver} with fixed answers and no network: each lookup records one {@code system}
 * query (its A answers, or {@code dns_nxdomain_error} when there are none), plus one {@code doh} query
 * when the resolution has trusted addresses, and returns the
 * {@link Resolution} configured for the host (empty when none was).
 */
public final class StubResolver implements HostResolver {
  private static final String DOH_URL = "https://127.0.0.1:1/dns-query";
  private static final Resolution NOTHING = new Resolution(List.of(), List.of(), List.of());
  private final Map<String, Resolution> answers = new ConcurrentHashMap<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();

  /** {@code host} resolves to {@code addresses} (all usable), DoH disabled. */
  public StubResolver answer(String host, String... addresses) {
    return answer(host, new Resolution(List.of(addresses), List.of(addresses), List.of()));
  }

  /**
   * {@code host} resolves to {@code addresses} (all usable), and the trusted DoH resolvers give the same
   * (a {@code doh} query is recorded too).
   */
  public StubResolver answerAsDohDoes(String host, String... addresses) {
    return answer(host, new Resolution(List.of(addresses), List.of(addresses), List.of(addresses)));
  }

  public StubResolver answer(String host, Resolution resolution) {
    answers.put(host, resolution);
    return this;
  }

  /** The hosts looked up, in order. */
  public List<String> asked() {
    return asked;
  }

  @Override
  public Resolution resolve(String host, Trace trace) {
    asked.add(host);
    Resolution resolution = answers.getOrDefault(host, NOTHING);
    double t = trace.now();
    List<DnsAnswer> records = resolution.systemAddresses().stream().map(ip -> DnsAnswer.a(ip, 60)).toList();
    trace.add(new DnsQuery(records.isEmpty() ? null : records, "udp",
        records.isEmpty() ? Failures.DNS_NXDOMAIN : null, host, "A", null, records.isEmpty() ? 3 : 0,
        "127.0.0.53:53", null, null, t, t, List.of(Tags.SYSTEM), trace.newTransaction()));
    if (!resolution.trustedAddresses().isEmpty()) {
      trace.add(new DnsQuery(resolution.trustedAddresses().stream().map(ip -> DnsAnswer.a(ip, 60)).toList(), "doh",
          null, host, "A", null, 0, DOH_URL, null, null, t, t, List.of(Tags.DOH), trace.newTransaction()));
    }
    return resolution;
  }
}
