package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of a {@code quic} endpoint once DNS gave an address. The QUIC handshake working (or its
 * retry: flaky) is reachable. A QUIC timeout while TCP+TLS to the same address works is
 * {@code quic.timeout} blocked, unless UDP is filtered on the whole network (inconclusive); the
 * evidence says what is dropped: QUIC for this name (the decoy SNI got an answer), large datagrams
 * (the UDP controls answer a minimal STUN request but not a padded one), or QUIC to this address.
 * When TCP+TLS fails too the host may be down or blocked by address: inconclusive. A QUIC server that
 * answers but fails the handshake while TCP+TLS works is down (it does not serve HTTP/3 properly), and
 * so is one that refuses both QUIC (ICMP port unreachable) and TCP ({@code tcp.refused});
 * a certificate the TCP path does not show is {@code tls.cert_invalid}.
 */
final class QuicStage {
  private QuicStage() {}

  static Verdict judge(TestKeys keys, NetworkContext ctx, PathEvidence p) {
    List<TlsHandshake> main = quic(keys, AttemptRole.MAIN);
    if (main.isEmpty()) {
      return Verdicts.incomplete("quic");
    }
    TlsHandshake first = main.get(0);
    String name = first.serverName();
    String at = first.address();
    if (first.failure() == null) {
      p.add(Evidence.sentence("quic.completed", name, at, Elapsed.ms(first.t0(), first.t())));
      return Verdict.reachable(Confidence.HIGH, p.evidence());
    }
    String failure = first.failure();
    if (FailureKinds.isInterrupted(failure)) {
      return Verdicts.interrupted("quic");
    }
    List<TlsHandshake> retries = quic(keys, AttemptRole.RETRY);
    if (retries.stream().anyMatch(h -> h.failure() == null)) {
      p.flaky(Evidence.sentence("quic.flaky", name, at, failure));
      return Verdict.reachable(Confidence.MEDIUM, p.evidence());
    }
    List<String> ev = new ArrayList<>(p.evidence());
    TlsHandshake tcp = keys.tlsHandshakes().stream().filter(h -> h.hasTag(Tags.TCP_TLS)).findFirst().orElse(null);
    boolean tcpWorks = tcp != null && tcp.failure() == null;
    String tcpSentence = tcp == null ? Evidence.sentence("quic.tcp.none") : tcpWorks
        ? Evidence.sentence("quic.tcp.worked", tcp.address())
        : Evidence.sentence("quic.tcp.failed", tcp.address(), tcp.failure());
    if (Failures.isCertificateError(failure)) {
      ev.add(Evidence.sentence("quic.cert", name, at, failure));
      ev.add(tcpSentence);
      return Verdicts.of(tcpWorks ? Status.BLOCKED : Status.DOWN, Method.TLS_CERT_INVALID, Confidence.MEDIUM, ev);
    }
    Boolean sni = sniFiltering(keys);
    if (!Failures.isTimeout(failure)) {
      ev.add(Evidence.sentence("quic.failed", name, at, failure));
      ev.add(tcpSentence);
      if (tcpWorks) {
        ev.add(Evidence.sentence("quic.tcp_only"));
        return new Verdict(Status.DOWN, Method.QUIC_TIMEOUT.layer(), Method.QUIC_TIMEOUT, sni, Confidence.MEDIUM,
            List.copyOf(ev));
      }
      if (Failures.CONNECTION_REFUSED.equals(failure) && refusedOverTcp(keys)) {
        ev.add(Evidence.sentence("quic.refused"));
        return new Verdict(Status.DOWN, Method.TCP_REFUSED.layer(), Method.TCP_REFUSED, sni, Confidence.MEDIUM,
            List.copyOf(ev));
      }
      return new Verdict(Status.INCONCLUSIVE, Method.QUIC_TIMEOUT.layer(), Method.QUIC_TIMEOUT, sni, Confidence.LOW,
          List.copyOf(ev));
    }
    ev.add(Evidence.sentence(retries.isEmpty() ? "quic.silent" : "quic.silent.retry", name, at,
        Elapsed.ms(first.t0(), first.t())));
    ev.add(tcpSentence);
    if (!tcpWorks) {
      ev.add(Evidence.sentence("quic.all_failed"));
      return new Verdict(Status.INCONCLUSIVE, Method.QUIC_TIMEOUT.layer(), Method.QUIC_TIMEOUT, sni, Confidence.LOW,
          List.copyOf(ev));
    }
    if ("filtered".equals(ctx.udpMode())) {
      ev.add(NetworkModes.UDP_FILTERED);
      return new Verdict(Status.INCONCLUSIVE, Method.QUIC_TIMEOUT.layer(), Method.QUIC_TIMEOUT, sni, Confidence.LOW,
          List.copyOf(ev));
    }
    ev.add(whatIsDropped(sni, ctx));
    return new Verdict(Status.BLOCKED, Method.QUIC_TIMEOUT.layer(), Method.QUIC_TIMEOUT, sni, Confidence.HIGH,
        List.copyOf(ev));
  }

  /** True when a decoy-SNI QUIC handshake got an answer (even a certificate error), false when it timed out too. */
  private static Boolean sniFiltering(TestKeys keys) {
    List<TlsHandshake> decoys = quic(keys, AttemptRole.DECOY);
    if (decoys.isEmpty()) {
      return null;
    }
    return decoys.stream().anyMatch(h -> h.failure() == null || Failures.isCertificateError(h.failure()));
  }

  private static String whatIsDropped(Boolean sni, NetworkContext ctx) {
    if (Boolean.TRUE.equals(sni)) {
      return Evidence.sentence("quic.dropped.name");
    }
    if (Boolean.TRUE.equals(ctx.udpControlAnswers()) && Boolean.FALSE.equals(ctx.largeUdpControlAnswers())) {
      return Evidence.sentence("quic.dropped.large");
    }
    if (Boolean.TRUE.equals(ctx.largeUdpControlAnswers())) {
      return Evidence.sentence("quic.dropped.address");
    }
    return Evidence.sentence("quic.udp.unknown");
  }

  private static boolean refusedOverTcp(TestKeys keys) {
    return keys.tcpConnect().stream().filter(c -> c.hasTag(Tags.TCP_TLS))
        .anyMatch(c -> Failures.CONNECTION_REFUSED.equals(c.failure()));
  }

  private static List<TlsHandshake> quic(TestKeys keys, AttemptRole step) {
    return keys.quicHandshakes().stream().filter(h -> AttemptRole.of(h.tags()) == step).toList();
  }
}
