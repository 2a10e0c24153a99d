package dev.msgprobe.analysis;

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
      return Verdicts.incomplete("a TLS handshake with " + e.host());
    }
    TlsHandshake first = main.get(0);
    TlsHandshake retry = retries.stream().filter(r -> first.address().equals(r.address())).findFirst()
        .orElse(retries.isEmpty() ? null : retries.get(0));
    if (first.failure() == null) {
      p.add(completed(first));
      return null;
    }
    if (retry != null && retry.failure() == null) {
      p.flaky(describe(first) + ", then " + completed(retry) + " on retry: a flaky step");
      return null;
    }
    if (FailureKinds.isInterrupted(first.failure())) {
      return Verdicts.interrupted("the TLS handshake with " + first.address());
    }
    List<String> ev = new ArrayList<>();
    ev.add(describe(first) + (retry == null ? "" : ", and again on retry (" + retry.failure() + " after "
        + Elapsed.ms(retry.t0(), retry.t()) + " ms)"));
    Verdict v = Failures.isCertificateError(first.failure())
        ? certificate(e, o, first, dns, ev, shared)
        : interruption(o, first, ev);
    List<String> control = o.handshakes(AttemptRole.CONTROL).stream().map(TlsHandshake::failure).toList();
    return ControlCheck.apply(v, first.failure(), control, "TLS handshake");
  }

  private static Verdict interruption(Observations o, TlsHandshake first, List<String> ev) {
    SniTest sni = SniTest.of(o.handshakes(AttemptRole.DECOY), first.address());
    ev.addAll(sni.evidence());
    Status status = Status.BLOCKED;
    Confidence conf = Boolean.TRUE.equals(sni.filtering()) ? Confidence.HIGH : Confidence.MEDIUM;
    if (!FailureKinds.isInterruption(first.failure()) && !Boolean.TRUE.equals(sni.filtering())) {
      status = Status.INCONCLUSIVE;
      conf = Confidence.LOW;
      ev.add(first.failure() + " usually comes from the server itself, not from a filter");
    }
    return new Verdict(status, Layer.TLS, FailureMethods.tls(first.failure()), sni.filtering(), conf,
        List.copyOf(ev));
  }

  private static Verdict certificate(Endpoint e, Observations o, TlsHandshake first, DnsResult dns,
      List<String> ev, SharedIssuers shared) {
    String ip = IpEndpoint.ipOf(first.address());
    TlsHandshake trustedChain = trustedChainForOtherName(o.handshakes(AttemptRole.DECOY), first);
    if (trustedChain != null) {
      ev.add("the same address presented a certificate chain the probe trusts to " + SniTest.sni(trustedChain)
          + (trustedChain.failure() == null ? "" : " (valid for another name: " + trustedChain.failure() + ")")
          + ": the untrusted certificate is shown only for " + e.host() + ", as an interception keyed on the SNI does");
      return Verdict.of(Status.BLOCKED, Method.TLS_CERT_INVALID, true, Confidence.HIGH, List.copyOf(ev));
    }
    Optional<CertificateIssuer> issuer = CertificateIssuer.ofUntrusted(first);
    issuer.ifPresent(i -> ev.add("the certificate was issued by " + i.label() + ", an issuer the probe's trust store "
        + "does not know"));
    if (first.hasTag(Tags.TRUSTED_ADDRESS)) {
      ev.add(ip + " came from the trusted resolvers, so the server itself presents this certificate");
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    if (e.hostIsAddress()) {
      Verdict intercepted = issuer.map(i -> sharedIssuer(e, i, shared, ev)).orElse(null);
      if (intercepted != null) {
        return intercepted;
      }
      ev.add("the endpoint is this very address, so the server itself presents this certificate");
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    if (!dns.trustedAnswered()) {
      ev.add("no trusted DoH answer is available to tell whether " + ip + " is really " + e.host() + "'s server");
      return Verdicts.of(Status.INCONCLUSIVE, Method.TLS_CERT_INVALID, Confidence.LOW, ev);
    }
    if (dns.trusted().contains(ip)) {
      Verdict intercepted = issuer.map(i -> interception(e, i, shared, ev, ip)).orElse(null);
      if (intercepted != null) {
        return intercepted;
      }
      ev.add("the trusted DoH resolvers give " + ip + " too, so the server itself presents this certificate");
      return Verdicts.of(Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    ev.add("the trusted DoH resolvers answer " + String.join(", ", dns.trusted()) + " instead: a different server "
        + "answers for " + e.host() + " on this path");
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
      ev.add("the trusted DoH resolvers give " + ip + " too, yet " + e.service() + "'s real servers present "
          + "certificates from public CAs only: an unknown issuer on its own address is an interception on the path");
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
    ev.add("in this run the same unknown issuer presented certificates for " + sites.get().size() + " unrelated sites ("
        + String.join(", ", sites.get()) + "): one issuer signing for unrelated sites is an intercepting "
        + "middlebox, not " + e.host() + "'s own broken certificate");
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
    return "TLS handshake with " + SniTest.sni(h) + " to " + h.address() + " completed in " + Elapsed.ms(h.t0(), h.t()) + " ms"
        + (h.tlsVersion() == null ? "" : " (" + h.tlsVersion() + ")");
  }

  static String describe(TlsHandshake h) {
    String f = h.failure();
    String what = "ClientHello with " + SniTest.sni(h) + " to " + h.address();
    long ms = Elapsed.ms(h.t0(), h.t());
    if (FailureKinds.isReset(f)) {
      return what + " was reset after " + ms + " ms";
    }
    if (Failures.isTimeout(f)) {
      return what + " got no answer for " + ms + " ms (" + f + ")";
    }
    if (Failures.EOF.equals(f)) {
      return what + " was answered by a close of the connection (EOF) after " + ms + " ms";
    }
    if (Failures.isCertificateError(f)) {
      return "the TLS handshake with " + SniTest.sni(h) + " to " + h.address() + " presented a certificate not valid for the "
          + "name (" + f + ")";
    }
    return what + " failed with " + f + " after " + ms + " ms";
  }
}
