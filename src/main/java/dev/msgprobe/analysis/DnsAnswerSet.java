package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Failures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one group of DNS queries (the system UDP replies, the TCP queries, or all DoH providers) said
 * about a name: the union of the addresses answered, or, when none was, the most telling failure
 * (NXDOMAIN before "no answer" before anything else). {@code where} names the resolvers asked.
 */
record DnsAnswerSet(boolean asked, List<String> addresses, String failure, String where) {

  static DnsAnswerSet of(List<DnsQuery> queries) {
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> resolvers = new LinkedHashSet<>();
    String failure = null;
    for (DnsQuery q : queries) {
      addresses.addAll(q.addresses());
      if (q.resolverAddress() != null) {
        resolvers.add(q.resolverAddress());
      }
      String f = q.failure() != null ? q.failure() : (q.addresses().isEmpty() ? Failures.DNS_NO_ANSWER : null);
      if (f != null && rank(f) < rank(failure)) {
        failure = f;
      }
    }
    boolean answered = !addresses.isEmpty();
    return new DnsAnswerSet(!queries.isEmpty(), List.copyOf(addresses), answered ? null : failure,
        String.join(", ", resolvers));
  }

  boolean answered() {
    return !addresses.isEmpty();
  }

  boolean failedWith(String f) {
    return !answered() && f.equals(failure);
  }

  /** True when the trusted resolvers say the name does not exist or has no address. */
  boolean deniesName() {
    return failedWith(Failures.DNS_NXDOMAIN) || failedWith(Failures.DNS_NO_ANSWER);
  }

  List<String> usable() {
    return addresses.stream().filter(a -> !Bogons.isBogon(a)).toList();
  }

  boolean overlaps(List<String> others) {
    return addresses.stream().anyMatch(others::contains);
  }

  /** The answer in words: the addresses, or the failure in DNS terms. */
  String describe() {
    if (answered()) {
      return String.join(", ", addresses);
    }
    return failure == null ? Evidence.sentence("dns.answer.nothing") : words(failure);
  }

  static String words(String failure) {
    return switch (failure) {
      case Failures.DNS_NXDOMAIN -> "NXDOMAIN";
      case Failures.DNS_NO_ANSWER -> Evidence.sentence("dns.answer.empty");
      case Failures.DNS_SERVFAIL -> "SERVFAIL";
      case Failures.DNS_REFUSED -> "REFUSED";
      default -> Failures.isTimeout(failure) ? Evidence.sentence("dns.answer.timeout") : failure;
    };
  }

  private static int rank(String failure) {
    if (failure == null) {
      return Integer.MAX_VALUE;
    }
    return switch (failure) {
      case Failures.DNS_NXDOMAIN -> 0;
      case Failures.DNS_NO_ANSWER -> 1;
      default -> 2;
    };
  }
}
