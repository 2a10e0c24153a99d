package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Layer;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TLS handshake rules. Interruptions ({@code tls.reset}, {@code tls.timeout}, {@code tls.eof}) are
 * blocked, high when the decoy SNI got through ({@code sni_filtering} true). A certificate error is
 * {@code tls.cert_invalid} where the trusted path shows a different server, or where the same address
 * presents a trusted chain to a decoy SNI (interception keyed on the SNI); otherwise, on an address the
 * trusted resolvers give too (or on the trusted path itself), it is the server's own error: down, unless the
 * chain comes from an unknown issuer that a well-known service's real servers never present, or that the
 * run saw signing for unrelated sites ({@link SharedIssuers}): interception, blocked.
 */
final class TlsStage {
  private TlsStage() {}

  static Verdict judge(Endpoint e, Observations o, DnsResult dns, PathEvidence p, SharedIssuers shared) {
    List<TlsHandshake> main = o.handshakes(AttemptRole.MAIN);
    List<TlsHandshake> retries = o.handshakes(AttemptRole.RETRY);
    if (main.isEmpty()) {
      return Verdicts.incomplete("tls", e.host());
    }
    TlsHandshake first = main.get(0);
    TlsHandshake retry = retries.stream().filter(r -> first.address().equals(r.address())).findFirst()
        .orElse(retries.isEmpty() ? null : retries.get(0));
    if (first.failure() == null) {
      p.add(completed(first));
      return null;
    }
    if (retry != null && retry.failure() == null) {
      p.flaky(Evidence.sentence("tls.flaky", describe(first), completed(retry)));
      return null;
    }
    if (FailureKinds.isInterrupted(first.failure())) {
      return Verdicts.interrupted("tls", first.address());
    }
    List<String> ev = new ArrayList<>();
    ev.add(retry == null ? describe(first)
        : Evidence.sentence("retry.again", describe(first), retry.failure(), Elapsed.ms(retry.t0(), retry.t())));
    Verdict v = Failures.isCertificateError(first.failure())
        ? certificate(e, o, first, dns, ev, shared)
        : interruption(o, first, ev);
    List<String> control = o.handshakes(AttemptRole.CONTROL).stream().map(TlsHandshake::failure).toList();
    return ControlCheck.apply(v, first.failure(), control, "tls");
  }

  private static Verdict interruption(Observations o, TlsHandshake first, List<String> ev) {
    SniTest sni = SniTest.of(o.handshakes(AttemptRole.DECOY), first.address());
    ev.addAll(sni.evidence());
    Status status = Status.BLOCKED;
    Confidence conf = Boolean.TRUE.equals(sni.filtering()) ? Confidence.HIGH : Confidence.MEDIUM;
    if (!FailureKinds.isInterruption(first.failure()) && !Boolean.TRUE.equals(sni.filtering())) {
      status = Status.INCONCLUSIVE;
      conf = Confidence.LOW;
      ev.add(Evidence.sentence("tls.server_side", first.failure()));
    }
    return new Verdict(status, Layer.TLS, FailureMethods.tls(first.failure()), sni.filtering(), conf,
        List.copyOf(ev));
  }

  private static Verdict certificate(Endpoint e, Observations o, TlsHandshake first, DnsResult dns,
      List<String> ev, SharedIssuers shared) {
    String ip = IpEndpoint.ipOf(first.address());
    TlsHandshake trustedChain = trustedChainForOtherName(o.handshakes(AttemptRole.DECOY), first);
    if (trustedChain != null) {
      ev.add(Evidence.sentence(trustedChain.failure() == null ? "tls.cert.sni_keyed" : "tls.cert.sni_keyed.other_name",
          SniTest.sni(trustedChain), e.host(), trustedChain.failure()));
      return Verdict.of(Status.BLOCKED, Method.TLS_CERT_INVALID, true, Confidence.HIGH, List.copyOf(ev));
    }
    Optional<CertificateIssuer> issuer = CertificateIssuer.ofUntrusted(first);
    issuer.ifPresent(i -> ev.add(i.evidence()));
    if (first.hasTag(Tags.TRUSTED_ADDRESS)) {
      ev.add(Evidence.sentence("tls.cert.trusted_path", ip));
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    if (e.hostIsAddress()) {
      Verdict intercepted = issuer.map(i -> sharedIssuer(e, i, shared, ev)).orElse(null);
      if (intercepted != null) {
        return intercepted;
      }
      ev.add(Evidence.sentence("tls.cert.literal"));
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    if (!dns.trustedAnswered()) {
      ev.add(Evidence.sentence("tls.cert.no_doh", ip, e.host()));
      return Verdicts.of(Status.INCONCLUSIVE, Method.TLS_CERT_INVALID, Confidence.LOW, ev);
    }
    if (dns.trusted().contains(ip)) {
      Verdict intercepted = issuer.map(i -> interception(e, i, shared, ev, ip)).orElse(null);
      if (intercepted != null) {
        return intercepted;
      }
      ev.add(Evidence.sentence("tls.cert.doh_same", ip));
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    ev.add(Evidence.sentence("tls.cert.doh_differs", String.join(", ", dns.trusted()), e.host()));
    return Verdicts.of(Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.HIGH, ev);
  }

  /**
   * Interception on an address DNS agrees on: an unknown issuer on a well-known service that its real
   * servers never present (rule 1), or one the run saw signing for unrelated sites (rule 2); null when
   * neither holds, the certificate then being the server's own.
   */
  private static Verdict interception(Endpoint e, CertificateIssuer issuer, SharedIssuers shared, List<String> ev,
      String ip) {
    if (ServiceIssuers.wellKnown(e.service()) && !ServiceIssuers.ownIssuer(e.service(), issuer)) {
      ev.add(Evidence.sentence("tls.cert.service_intercepted", ip, e.service()));
      return Verdicts.of(Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.HIGH, ev);
    }
    return sharedIssuer(e, issuer, shared, ev);
  }

  /** Rule 2 alone: the run saw {@code issuer} sign for unrelated sites; null when it did not. */
  private static Verdict sharedIssuer(Endpoint e, CertificateIssuer issuer, SharedIssuers shared, List<String> ev) {
    Optional<java.util.Set<String>> sites = shared.sharedSites(issuer);
    if (sites.isEmpty()) {
      return null;
    }
    ev.add(Evidence.sentence("tls.cert.shared_issuer", sites.get().size(), String.join(", ", sites.get()), e.host()));
    return Verdicts.of(Status.BLOCKED, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
  }

  /**
   * A decoy or no-SNI handshake to the same address whose chain validated (it completed, or failed only
   * because the certificate names another host), where the real SNI got an untrusted or invalid chain;
   * null when there is none. A broken server shows its broken chain to every SNI.
   */
  private static TlsHandshake trustedChainForOtherName(List<TlsHandshake> decoys, TlsHandshake first) {
    if (!Failures.SSL_UNKNOWN_AUTHORITY.equals(first.failure())
        && !Failures.SSL_INVALID_CERTIFICATE.equals(first.failure())) {
      return null;
    }
    return decoys.stream()
        .filter(d -> first.address().equals(d.address()))
        .filter(d -> d.failure() == null || Failures.SSL_INVALID_HOSTNAME.equals(d.failure()))
        .findFirst().orElse(null);
  }

  private static String completed(TlsHandshake h) {
    return Evidence.sentence(h.tlsVersion() == null ? "tls.completed" : "tls.completed.version", SniTest.sni(h),
        h.address(), Elapsed.ms(h.t0(), h.t()), h.tlsVersion());
  }

  static String describe(TlsHandshake h) {
    String f = h.failure();
    String sni = SniTest.sni(h);
    long ms = Elapsed.ms(h.t0(), h.t());
    if (FailureKinds.isReset(f)) {
      return Evidence.sentence("tls.reset", sni, h.address(), ms);
    }
    if (Failures.isTimeout(f)) {
      return Evidence.sentence("tls.timeout", sni, h.address(), ms, f);
    }
    if (Failures.EOF.equals(f)) {
      return Evidence.sentence("tls.eof", sni, h.address(), ms);
    }
    if (Failures.isCertificateError(f)) {
      return Evidence.sentence("tls.cert", sni, h.address(), f);
    }
    return Evidence.sentence("tls.failed", sni, h.address(), f, ms);
  }
}
