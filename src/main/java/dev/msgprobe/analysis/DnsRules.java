package dev.msgprobe.analysis;

import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.net.Bogons;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The DNS rules (stubs, NXDOMAIN, injection: docs/design/classifier.md): the resolver under test's first UDP reply compared
 * with its late replies, its TCP answer and the trusted DoH answers. DoH failures are never evidence
 * of blocking; without a DoH answer, DNS verdicts are at most medium (low for a bare NXDOMAIN).
 */
final class DnsRules {
  private final Fingerprints fingerprints;

  DnsRules(Fingerprints fingerprints) {
    this.fingerprints = fingerprints;
  }

  DnsResult judge(Endpoint e, Observations o) {
    DnsAnswerSet system = DnsAnswerSet.of(o.system());
    if (!system.asked()) {
      return DnsResult.decided(Verdicts.incomplete("a DNS query for " + e.host()));
    }
    DnsAnswerSet tcp = DnsAnswerSet.of(o.tcpDns());
    DnsAnswerSet doh = DnsAnswerSet.of(o.doh());
    Context c = new Context(e.host(), e.service(), system, tcp, doh, o, echoNotes(o));
    return system.answered() ? withAddresses(c) : withoutAddresses(c);
  }

  private record Context(String host, String service, DnsAnswerSet system, DnsAnswerSet tcp, DnsAnswerSet doh, Observations o,
      List<String> echo) {

    String systemSaid() {
      return "the resolver under test (" + system.where() + ") answered " + system.describe() + " for " + host;
    }

    String dohSaid() {
      if (!doh.asked()) {
        return "no trusted DoH resolver was asked (DoH disabled), so there is no trusted answer to compare with";
      }
      if (doh.answered()) {
        return "the trusted DoH resolvers (" + doh.where() + ") answered " + doh.describe();
      }
      return "the trusted DoH resolvers (" + doh.where() + ") answered " + doh.describe()
          + (doh.deniesName() ? "" : "; a DoH failure is not evidence of anything");
    }

    String tcpSaid() {
      return "the same resolver over TCP answered " + tcp.describe();
    }

    List<String> evidence(String... first) {
      List<String> ev = new ArrayList<>(List.of(first));
      ev.addAll(echo);
      return ev;
    }
  }

  private DnsResult withoutAddresses(Context c) {
    String f = c.system.failure();
    if (FailureKinds.isInterrupted(f)) {
      return DnsResult.decided(Verdicts.interrupted("the DNS query for " + c.host));
    }
    Optional<DnsQuery> lateAnswer = c.o.late().stream().filter(q -> !q.addresses().isEmpty()).findFirst();
    if (lateAnswer.isPresent()) {
      List<String> late = lateAnswer.get().addresses();
      Confidence conf = c.doh.overlaps(late) ? Confidence.HIGH : Confidence.MEDIUM;
      return decided(Status.BLOCKED, Method.DNS_INJECTION, conf, c.evidence(c.systemSaid(),
          "a later UDP reply to the same query carried " + String.join(", ", late)
              + ": the first reply was forged on the path", c.dohSaid()));
    }
    boolean denied = Failures.DNS_NXDOMAIN.equals(f) || Failures.DNS_NO_ANSWER.equals(f);
    if (denied && c.tcp.answered()) {
      Confidence conf = c.doh.answered() ? Confidence.HIGH : Confidence.MEDIUM;
      return decided(Status.BLOCKED, Method.DNS_INJECTION, conf, c.evidence(c.systemSaid() + " over UDP",
          c.tcpSaid() + ": the UDP reply was replaced on the path", c.dohSaid()));
    }
    if (denied) {
      Method m = Failures.DNS_NXDOMAIN.equals(f) ? Method.DNS_NXDOMAIN : Method.DNS_NO_ANSWER;
      if (c.doh.answered()) {
        List<String> ev = c.evidence(c.systemSaid(), c.dohSaid());
        if (c.tcp.failedWith(f)) {
          ev.add(1, c.tcpSaid() + ": the resolver itself denies the name, as with a removal from the national DNS (NSDI)");
        }
        return decided(Status.BLOCKED, m, Confidence.HIGH, ev);
      }
      if (c.doh.deniesName()) {
        return decided(Status.DOWN, m, Confidence.HIGH, c.evidence(c.systemSaid(), c.dohSaid()
            + ": the name has no address anywhere"));
      }
      return decided(Status.BLOCKED, m, Confidence.LOW, c.evidence(c.systemSaid(), c.dohSaid()
          + "; the verdict rests on the resolver under test alone"));
    }
    if (c.tcp.answered()) {
      return decided(Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM, c.evidence(c.systemSaid() + " over UDP",
          c.tcpSaid() + ": only plain UDP DNS fails for this name", c.dohSaid()));
    }
    if (c.doh.answered()) {
      return decided(Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM, c.evidence(c.systemSaid(), c.dohSaid()
          + ": the resolver under test fails for a name that resolves"));
    }
    if (c.doh.deniesName()) {
      return decided(Status.DOWN, Method.DNS_FAILURE, Confidence.MEDIUM, c.evidence(c.systemSaid(), c.dohSaid()));
    }
    return decided(Status.INCONCLUSIVE, Method.DNS_FAILURE, Confidence.LOW, c.evidence(c.systemSaid(), c.dohSaid()));
  }

  private DnsResult withAddresses(Context c) {
    for (String a : c.system.addresses()) {
      Optional<Fingerprints.AddressFingerprint> stub = fingerprints.sinkhole(a);
      if (stub.isPresent()) {
        return decided(Status.BLOCKED, Method.DNS_SINKHOLE, Confidence.HIGH, c.evidence(c.systemSaid(),
            a + " is a known block-page address (" + stub.get().id() + ", " + stub.get().owner() + ")", c.dohSaid()));
      }
    }
    if (c.doh.failedWith(Failures.DNS_NXDOMAIN)) {
      return decided(Status.DOWN, Method.DNS_NXDOMAIN, Confidence.HIGH, c.evidence(c.systemSaid(), c.dohSaid()
          + ": the name does not exist, so whatever the resolver under test answers cannot be the service"));
    }
    List<String> usable = usable(c.system, c.o, false);
    List<String> trusted = usable(c.doh, c.o, true);
    if (usable.isEmpty()) {
      String said = c.systemSaid() + ", an address no public service can have";
      if (!trusted.isEmpty()) {
        return decided(Status.BLOCKED, Method.DNS_BOGON, Confidence.HIGH, c.evidence(said, c.dohSaid()));
      }
      if (c.doh.answered()) {
        return decided(Status.DOWN, Method.DNS_BOGON, Confidence.HIGH, c.evidence(said,
            c.dohSaid() + ": the name itself points there"));
      }
      return decided(Status.BLOCKED, Method.DNS_BOGON, Confidence.MEDIUM, c.evidence(said, c.dohSaid()));
    }
    List<String> notes = new ArrayList<>();
    List<String> unusable = c.system.addresses().stream().filter(a -> !usable.contains(a)).toList();
    if (!unusable.isEmpty()) {
      notes.add("the resolver under test also answered the unusable " + String.join(", ", unusable));
    }
    boolean confirmed = usable.stream().anyMatch(trusted::contains);
    Verdict suspicion = confirmed ? null : injection(c, trusted);
    List<String> validated = validatedAddresses(c.o, usable);
    if (suspicion == null && !trusted.isEmpty() && !confirmed) {
      suspicion = inconsistency(c, usable, trusted, notes);
    }
    if (suspicion == null && !confirmed && validated.isEmpty()) {
      suspicion = foreignNetwork(c, usable, notes);
    }
    Confidence ok;
    if (confirmed) {
      notes.add(0, c.systemSaid() + ", as the trusted DoH resolvers do");
      ok = Confidence.HIGH;
    } else if (!trusted.isEmpty()) {
      notes.add(0, c.systemSaid() + "; the trusted DoH resolvers answered " + String.join(", ", trusted));
      ok = validated.isEmpty() ? Confidence.MEDIUM : Confidence.HIGH;
    } else {
      notes.add(0, c.systemSaid() + "; " + c.dohSaid());
      ok = Confidence.MEDIUM;
    }
    return new DnsResult(null, suspicion, trusted, !trusted.isEmpty(), List.copyOf(notes), ok);
  }

  /** A late UDP reply or the TCP answer disagreeing with an unconfirmed first UDP reply. */
  private static Verdict injection(Context c, List<String> trusted) {
    for (DnsQuery late : c.o.late()) {
      if (!new HashSet<>(late.addresses()).equals(new HashSet<>(c.system.addresses()))) {
        boolean dohAgrees = late.addresses().stream().anyMatch(trusted::contains);
        String said = late.addresses().isEmpty() ? DnsAnswerSet.words(String.valueOf(late.failure()))
            : String.join(", ", late.addresses());
        return Verdicts.of(Status.BLOCKED, Method.DNS_INJECTION, dohAgrees ? Confidence.HIGH : Confidence.MEDIUM,
            c.evidence(c.systemSaid() + " in its first UDP reply",
                "a later reply to the same query said " + said + ": two different replies, the first forged on the path",
                c.dohSaid()));
      }
    }
    if (c.tcp.answered() && !c.tcp.overlaps(c.system.addresses())) {
      boolean dohAgrees = c.tcp.overlaps(trusted);
      return Verdicts.of(Status.BLOCKED, Method.DNS_INJECTION, dohAgrees ? Confidence.HIGH : Confidence.MEDIUM,
          c.evidence(c.systemSaid() + " over UDP", c.tcpSaid() + ": the UDP reply was replaced on the path",
              c.dohSaid()));
    }
    return null;
  }

  /** System addresses DoH does not give that fail TLS validation for the name. */
  private static Verdict inconsistency(Context c, List<String> usable, List<String> trusted, List<String> notes) {
    for (TlsHandshake h : c.o.handshakes(AttemptRole.VALIDATE)) {
      String ip = IpEndpoint.ipOf(h.address());
      if (usable.contains(ip) && Failures.isCertificateError(h.failure())) {
        return Verdicts.of(Status.BLOCKED, Method.DNS_INCONSISTENT, Confidence.HIGH, c.evidence(c.systemSaid(),
            "the trusted DoH resolvers answered " + String.join(", ", trusted),
            "a TLS handshake with SNI " + c.host + " to " + h.address() + " failed validation (" + h.failure()
                + "): the resolver under test points the name at a server that is not " + c.host));
      }
      if (usable.contains(ip) && h.failure() == null) {
        notes.add(h.address() + " is not among the trusted answers but presented a valid certificate for " + c.host
            + " (a CDN's choice of server, not tampering)");
      } else if (usable.contains(ip)) {
        notes.add("validating " + h.address() + " for " + c.host + " failed with " + h.failure());
      }
    }
    return null;
  }

  /**
   * The resolver under test's addresses all lie in networks that neither the trusted answers nor the
   * service's own networks use: evidence of a substituted answer even when TLS cannot be checked.
   * Addresses of unknown network decide nothing; different addresses in a network the trusted answers
   * share (a CDN's rotation) are only noted.
   */
  private static Verdict foreignNetwork(Context c, List<String> usable, List<String> notes) {
    Map<String, ServiceNetworks.Owner> systemOwners = ServiceNetworks.owners(c.o.system());
    Map<String, ServiceNetworks.Owner> trustedOwners = ServiceNetworks.owners(c.o.doh());
    Set<Long> own = ServiceNetworks.own(c.service);
    Set<Long> expected = new HashSet<>(own);
    trustedOwners.values().forEach(o -> expected.add(o.asn()));
    if (usable.isEmpty() || expected.isEmpty() || !usable.stream().allMatch(systemOwners::containsKey)) {
      return null;
    }
    List<ServiceNetworks.Owner> answered = usable.stream().map(systemOwners::get).toList();
    String systemNets = ServiceNetworks.labels(answered);
    if (answered.stream().anyMatch(o -> expected.contains(o.asn()))) {
      notes.add("the resolver under test's addresses are in " + systemNets + ", "
          + (trustedOwners.isEmpty() ? "one of " + c.service + "'s own networks" : "as the trusted answers are")
          + ": a different server of the same network (CDN rotation), not tampering");
      return null;
    }
    List<String> ev = c.evidence(c.systemSaid(), "those addresses are in " + systemNets + ", a network "
        + (trustedOwners.isEmpty() ? "" : "the trusted answers (" + ServiceNetworks.labels(trustedOwners.values())
            + ") do not use") + (trustedOwners.isEmpty() || own.isEmpty() ? "" : " and ")
        + (own.isEmpty() ? "" : "not among " + c.service + "'s own networks (" + ServiceNetworks.asnList(own) + ")")
        + ": the resolver under test points the name at someone else's server", c.dohSaid());
    return Verdicts.of(Status.BLOCKED, Method.DNS_INCONSISTENT, Confidence.MEDIUM, ev);
  }

  /**
   * The non-bogon addresses of an answer, plus any the measurer connected to on the main path (on the
   * system side), or on either path (DoH side): whatever the measurer used was usable to it, e.g.
   * loopback servers in a lab, which a DoH answer then confirms. The measurer never uses a bogon a real
   * resolver answers, so outside labs and tests this adds nothing.
   */
  private static List<String> usable(DnsAnswerSet answer, Observations o, boolean trustedSide) {
    Set<String> used = new HashSet<>();
    o.connects(AttemptRole.MAIN).stream().filter(c -> trustedSide || !c.hasTag(Tags.TRUSTED_ADDRESS))
        .forEach(c -> used.add(c.ip()));
    return answer.addresses().stream().filter(a -> !Bogons.isBogon(a) || used.contains(a)).toList();
  }

  private static List<String> validatedAddresses(Observations o, List<String> usable) {
    return o.handshakes(AttemptRole.VALIDATE).stream()
        .filter(h -> h.failure() == null && usable.contains(IpEndpoint.ipOf(h.address())))
        .map(h -> IpEndpoint.ipOf(h.address())).toList();
  }

  /** Evidence from the resolver-echo lookup when it reveals that plain DNS is intercepted. */
  private List<String> echoNotes(Observations o) {
    List<String> out = new ArrayList<>();
    for (DnsQuery q : o.resolverEcho()) {
      for (String a : q.addresses()) {
        fingerprints.interceptingResolver(a).ifPresent(r -> out.add("the resolver-echo name " + q.hostname()
            + " was answered on behalf of " + a + " (" + r.owner() + "): plain DNS is intercepted on the path ("
            + r.source() + ")"));
      }
    }
    return out;
  }

  private static DnsResult decided(Status s, Method m, Confidence c, List<String> evidence) {
    return DnsResult.decided(Verdicts.of(s, m, c, evidence));
  }
}
