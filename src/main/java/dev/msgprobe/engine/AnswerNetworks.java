package dev.msgprobe.engine;

import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.measure.Measurer;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.net.IpLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills OONI's {@code asn} and {@code as_org_name} on every A/AAAA answer a measurer recorded, so the
 * classifier can compare networks and the report says whose address each answer is. An address in
 * no known range gets {@code asn} 0 and no organisation, as OONI writes it. An answer that already
 * has an {@code asn} (a control vantage's own lookup) keeps it.
 */
final class AnswerNetworks implements Measurer {
  private final Measurer inner;
  private final GeoLookup geo;

  AnswerNetworks(Measurer inner, GeoLookup geo) {
    this.inner = inner;
    this.geo = geo;
  }

  @Override
  public TestKeys measure(Endpoint endpoint) {
    return annotate(inner.measure(endpoint), geo);
  }

  static TestKeys annotate(TestKeys keys, GeoLookup geo) {
    if (keys.queries() == null || keys.queries().isEmpty()) {
      return keys;
    }
    List<DnsQuery> queries = new ArrayList<>();
    for (DnsQuery q : keys.queries()) {
      queries.add(annotate(q, geo));
    }
    return keys.withQueries(queries);
  }

  static DnsQuery annotate(DnsQuery q, GeoLookup geo) {
    if (q.answers() == null) {
      return q;
    }
    List<DnsAnswer> answers = new ArrayList<>();
    for (DnsAnswer a : q.answers()) {
      String address = a.address();
      if (address == null || a.asn() != null || !IpLiterals.isLiteral(address)) {
        answers.add(a);
        continue;
      }
      NetworkOwner owner = geo.lookup(IpLiterals.parse(address));
      answers.add(a.withNetwork(owner.asn(), owner.organisation()));
    }
    return q.withAnswers(answers);
  }
}
