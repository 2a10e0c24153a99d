package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
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
      return DnsResult.decided(Verdicts.incomplete("dns", e.host()));
    }
    DnsAnswerSet tcp = DnsAnswerSet.of(o.tcpDns());
    DnsAnswerSet doh = DnsAnswerSet.of(o.doh());
    Context c = new Context(e.host(), e.service(), system, tcp, doh, o, echoNotes(o));
    return system.answered() ? withAddresses(c) : withoutAddresses(c);
  }

  private record Context(String host, String service, DnsAnswerSet system, DnsAnswerSet tcp, DnsAnswerSet doh, Observations o,
      List<String> echo) {

    /** What the resolver under test answered, as the {@code dns.system} sentence {@code how} says it. */
    String systemSaid(String how, Object... more) {
      Object[] args = new Object[3 + more.length];
      args[0] = system.where();
      args[1] = system.describe();
      args[2] = host;
      System.arraycopy(more, 0, args, 3, more.length);
      return Evidence.sentence("dns.system" + how, args);
    }

    String systemSaid() {
      return systemSaid("");
    }

    String dohSaid() {
      if (!doh.asked()) {
        return Evidence.sentence("dns.doh.disabled");
      }
      if (doh.answered()) {
        return Evidence.sentence("dns.doh.answered", doh.where(), doh.describe());
      }
      return Evidence.sentence(doh.deniesName() ? "dns.doh.answered" : "dns.doh.failed", doh.where(), doh.describe());
    }

    /** What the same resolver answered over TCP, and what that shows ({@code dns.tcp.*}). */
    String tcpSaid(String shows) {
      return Evidence.sentence("dns.tcp." + shows, tcp.describe());
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
      return DnsResult.decided(Verdicts.interrupted("dns", c.host));
    }
    Optional<DnsQuery> lateAnswer = c.o.late().stream().filter(q -> !q.addresses().isEmpty()).findFirst();
    if (lateAnswer.isPresent()) {
      List<String> late = lateAnswer.get().addresses();
      Confidence conf = c.doh.overlaps(late) ? Confidence.HIGH : Confidence.MEDIUM;
      return decided(Status.BLOCKED, Method.DNS_INJECTION, conf, c.evidence(c.systemSaid(),
          Evidence.sentence("dns.late.forged", String.join(", ", late)), c.dohSaid()));
    }
    boolean denied = Failures.DNS_NXDOMAIN.equals(f) || Failures.DNS_NO_ANSWER.equals(f);
    if (denied && c.tcp.answered()) {
      Confidence conf = c.doh.answered() ? Confidence.HIGH : Confidence.MEDIUM;
      return decided(Status.BLOCKED, Method.DNS_INJECTION, conf, c.evidence(c.systemSaid(".udp"),
          c.tcpSaid("replaced"), c.dohSaid()));
    }
    if (denied) {
      Method m = Failures.DNS_NXDOMAIN.equals(f) ? Method.DNS_NXDOMAIN : Method.DNS_NO_ANSWER;
      if (c.doh.answered()) {
        List<String> ev = c.evidence(c.systemSaid(), c.dohSaid());
        if (c.tcp.failedWith(f)) {
          ev.add(1, c.tcpSaid("denies"));
        }
        return decided(Status.BLOCKED, m, Confidence.HIGH, ev);
      }
      if (c.doh.deniesName()) {
        return decided(Status.DOWN, m, Confidence.HIGH, c.evidence(c.systemSaid(),
            Evidence.sentence("dns.doh.nowhere", c.dohSaid())));
      }
      return decided(Status.BLOCKED, m, Confidence.LOW, c.evidence(c.systemSaid(),
          Evidence.sentence("dns.doh.alone", c.dohSaid())));
    }
    if (c.tcp.answered()) {
      return decided(Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM, c.evidence(c.systemSaid(".udp"),
          c.tcpSaid("udp_only"), c.dohSaid()));
    }
    if (c.doh.answered()) {
      return decided(Status.BLOCKED, Method.DNS_FAILURE, Confidence.MEDIUM, c.evidence(c.systemSaid(),
          Evidence.sentence("dns.doh.resolves", c.dohSaid())));
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
            Evidence.sentence("dns.sinkhole", a, stub.get().id(), stub.get().owner()), c.dohSaid()));
      }
    }
    if (c.doh.failedWith(Failures.DNS_NXDOMAIN)) {
      return decided(Status.DOWN, Method.DNS_NXDOMAIN, Confidence.HIGH, c.evidence(c.systemSaid(),
          Evidence.sentence("dns.doh.nonexistent", c.dohSaid())));
    }
    List<String> usable = usable(c.system, c.o, false);
    List<String> trusted = usable(c.doh, c.o, true);
    if (usable.isEmpty()) {
      String said = c.systemSaid(".bogon");
      if (!trusted.isEmpty()) {
        return decided(Status.BLOCKED, Method.DNS_BOGON, Confidence.HIGH, c.evidence(said, c.dohSaid()));
      }
      if (c.doh.answered()) {
        return decided(Status.DOWN, Method.DNS_BOGON, Confidence.HIGH, c.evidence(said,
            Evidence.sentence("dns.doh.points_there", c.dohSaid())));
      }
      return decided(Status.BLOCKED, Method.DNS_BOGON, Confidence.MEDIUM, c.evidence(said, c.dohSaid()));
    }
    List<String> notes = new ArrayList<>();
    List<String> unusable = c.system.addresses().stream().filter(a -> !usable.contains(a)).toList();
    if (!unusable.isEmpty()) {
      notes.add(Evidence.sentence("dns.unusable", String.join(", ", unusable)));
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
      notes.add(0, c.systemSaid(".as_trusted"));
      ok = Confidence.HIGH;
    } else if (!trusted.isEmpty()) {
      notes.add(0, c.systemSaid(".trusted_answered", String.join(", ", trusted)));
      ok = validated.isEmpty() ? Confidence.MEDIUM : Confidence.HIGH;
    } else {
      notes.add(0, c.systemSaid(".then", c.dohSaid()));
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
            c.evidence(c.systemSaid(".first_udp"), Evidence.sentence("dns.late.differs", said), c.dohSaid()));
      }
    }
    if (c.tcp.answered() && !c.tcp.overlaps(c.system.addresses())) {
      boolean dohAgrees = c.tcp.overlaps(trusted);
      return Verdicts.of(Status.BLOCKED, Method.DNS_INJECTION, dohAgrees ? Confidence.HIGH : Confidence.MEDIUM,
          c.evidence(c.systemSaid(".udp"), c.tcpSaid("replaced"), c.dohSaid()));
    }
    return null;
  }

  /** System addresses DoH does not give that fail TLS validation for the name. */
  private static Verdict inconsistency(Context c, List<String> usable, List<String> trusted, List<String> notes) {
    for (TlsHandshake h : c.o.handshakes(AttemptRole.VALIDATE)) {
      String ip = IpEndpoint.ipOf(h.address());
      if (usable.contains(ip) && Failures.isCertificateError(h.failure())) {
        return Verdicts.of(Status.BLOCKED, Method.DNS_INCONSISTENT, Confidence.HIGH, c.evidence(c.systemSaid(),
            Evidence.sentence("dns.trusted.answered", String.join(", ", trusted)),
            Evidence.sentence("dns.validation.failed", c.host, h.address(), h.failure())));
      }
      if (usable.contains(ip) && h.failure() == null) {
        notes.add(Evidence.sentence("dns.validation.cdn", h.address(), c.host));
      } else if (usable.contains(ip)) {
        notes.add(Evidence.sentence("dns.validation.note", h.address(), c.host, h.failure()));
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
      notes.add(trustedOwners.isEmpty() ? Evidence.sentence("dns.network.same.own", systemNets, c.service)
          : Evidence.sentence("dns.network.same.trusted", systemNets));
      return null;
    }
    String foreign;
    if (own.isEmpty()) {
      foreign = Evidence.sentence("dns.network.foreign.trusted", systemNets,
          ServiceNetworks.labels(trustedOwners.values()));
    } else if (trustedOwners.isEmpty()) {
      foreign = Evidence.sentence("dns.network.foreign.own", systemNets, c.service, ServiceNetworks.asnList(own));
    } else {
      foreign = Evidence.sentence("dns.network.foreign.both", systemNets,
          ServiceNetworks.labels(trustedOwners.values()), c.service, ServiceNetworks.asnList(own));
    }
    List<String> ev = c.evidence(c.systemSaid(), foreign, c.dohSaid());
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
        fingerprints.interceptingResolver(a).ifPresent(r -> out.add(Evidence.sentence("dns.echo.intercepted",
            q.hostname(), a, r.owner(), r.source())));
      }
    }
    return out;
  }

  private static DnsResult decided(Status s, Method m, Confidence c, List<String> evidence) {
    return DnsResult.decided(Verdicts.of(s, m, c, evidence));
  }
}
