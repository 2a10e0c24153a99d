package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one endpoint's observations into its verdict (docs/contract/report.md#verdict), reading the steps and tags of
 * docs/design/measurement.md. Pure: no I/O, thread-safe, the same input always gives the same verdict.
 *
 * <p>Order of precedence (the first point of interference wins; docs/design/classifier.md has the why):
 * <ol>
 *   <li>DNS, decided alone: {@code dns.sinkhole}, then all-bogon {@code dns.bogon}; without a usable
 *       address, {@code dns.injection} (a late or TCP answer), {@code dns.nxdomain}/{@code dns.no_answer},
 *       {@code dns.failure}. The trusted-address path, if measured, only adds evidence.</li>
 *   <li>DNS suspicions ({@code dns.injection} from a late or TCP reply, {@code dns.inconsistent} from a
 *       failed validation) become the verdict when the main path then fails, or cannot validate the
 *       address (no TLS); a TLS handshake that validated the certificate clears them.</li>
 *   <li>The main path in order: TCP ({@code tcp.*}), TLS ({@code tls.*}), HTTP ({@code http.blockpage} on
 *       any hop first, then {@code http.reset/timeout/eof}, then {@code http.diff}). A step that only
 *       worked on its retry is passed, and makes the endpoint "flaky" (reachable, medium).</li>
 *   <li>Transfers once everything worked: {@code tcp.stall}, then {@code tcp.throttle}.</li>
 *   <li>{@code quic} and {@code stun} endpoints leave the main path after DNS: {@link QuicStage} and
 *       {@link StunStage} judge them against the run's UDP controls.</li>
 *   <li>Control-vantage observations turn a failure seen there too into {@code down}.</li>
 *   <li>Last, the network mode: offline makes failures inconclusive; allowlist makes connectivity
 *       failures blocked.</li>
 * </ol>
 */
public final class Classifier {
  private final Fingerprints fingerprints;
  private final DnsRules dnsRules;

  /** A classifier with the bundled fingerprint database. */
  public Classifier() {
    this(Fingerprints.bundled());
  }

  public Classifier(Fingerprints fingerprints) {
    this.fingerprints = fingerprints;
    this.dnsRules = new DnsRules(fingerprints);
  }

  /** The verdict for {@code endpoint} from its observations, given what the controls said of the network. */
  public Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context) {
    return classify(endpoint, observations, context, SharedIssuers.NONE);
  }

  /**
   * The verdict for {@code endpoint}, also knowing which unknown certificate issuers the run saw on
   * unrelated sites ({@code shared}).
   */
  public Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context, SharedIssuers shared) {
    Observations o = new Observations(observations, endpoint.host());
    return NetworkModes.apply(judge(endpoint, o, context, observations, shared), context);
  }

  private Verdict judge(Endpoint e, Observations o, NetworkContext ctx, TestKeys keys, SharedIssuers shared) {
    Scheme scheme = Scheme.fromWire(e.scheme());
    DnsResult dns = e.hostIsAddress() ? DnsResult.NONE : dnsRules.judge(e, o);
    if (dns.verdict() != null) {
      return withTrustedPath(dns.verdict(), e, o);
    }
    PathEvidence p = new PathEvidence(dns.notes());
    if (scheme == Scheme.STUN) {
      return StunStage.isStun(keys) ? StunStage.judge(keys, ctx) : Verdicts.incomplete("stun");
    }
    if (scheme == Scheme.QUIC) {
      return QuicStage.judge(keys, ctx, p);
    }
    if (scheme == Scheme.DNS) {
      return dns.suspicion() != null ? dns.suspicion() : Verdict.reachable(dns.okConfidence(), p.evidence());
    }
    Verdict failure = mainPath(e, o, dns, p, shared);
    if (failure != null) {
      if (dns.suspicion() != null && failure.status() != Status.INCONCLUSIVE) {
        List<String> path = new ArrayList<>(p.pathEvidence());
        path.add(failure.evidence().get(0));
        return Verdicts.withEvidence(dns.suspicion(), path);
      }
      return Verdicts.withEvidence(failure, p.evidence());
    }
    if (dns.suspicion() != null) {
      if (!e.usesTls()) {
        return Verdicts.withEvidence(dns.suspicion(), p.pathEvidence());
      }
      p.add(Evidence.sentence("dns.harmless", e.host()));
    }
    Verdict transfer = TransferStage.judge(o, ctx, p);
    if (transfer != null) {
      return Verdicts.withEvidence(transfer, p.evidence());
    }
    return Verdict.reachable(p.isFlaky() ? Confidence.MEDIUM : Confidence.HIGH, p.evidence());
  }

  /** The TCP, TLS and HTTP steps of the main path: null when they all went through. */
  private Verdict mainPath(Endpoint e, Observations o, DnsResult dns, PathEvidence p, SharedIssuers shared) {
    Verdict v = TcpStage.judge(e, o, p);
    if (v == null && e.usesTls()) {
      v = TlsStage.judge(e, o, dns, p, shared);
    }
    Scheme scheme = Scheme.fromWire(e.scheme());
    if (v == null && scheme != null && scheme.request() != Scheme.Request.NONE) {
      v = HttpStage.judge(e, o, fingerprints, p);
    }
    return v;
  }

  /**
   * A DNS verdict, with what the trusted-address path saw when the measurer used it: it working
   * confirms a DNS-only block; a certificate error there means the server is broken too (medium).
   */
  private Verdict withTrustedPath(Verdict dnsVerdict, Endpoint e, Observations o) {
    boolean used = o.connects(AttemptRole.MAIN).stream().anyMatch(c -> c.hasTag(Tags.TRUSTED_ADDRESS));
    if (!used || Scheme.fromWire(e.scheme()) == Scheme.DNS) {
      return dnsVerdict;
    }
    PathEvidence p = new PathEvidence(List.of());
    Verdict failure = mainPath(e, o, DnsResult.NONE, p, SharedIssuers.NONE);
    List<String> more = new ArrayList<>();
    if (failure == null) {
      more.add(Evidence.sentence("trusted.worked", last(p.evidence())));
      return Verdicts.withEvidence(dnsVerdict, more);
    }
    more.add(Evidence.sentence("trusted.failed", failure.evidence().get(0)));
    Verdict v = Verdicts.withEvidence(dnsVerdict, more);
    if (failure.method() == Method.TLS_CERT_INVALID) {
      v = Verdicts.withConfidence(v, Verdicts.lower(v.confidence(), Confidence.MEDIUM));
    }
    return v;
  }

  private static String last(List<String> sentences) {
    return sentences.isEmpty() ? "" : sentences.get(sentences.size() - 1);
  }
}
