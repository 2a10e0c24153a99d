package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.QuicHandshaker;
import dev.msgprobe.net.StunClient;
import dev.msgprobe.net.StunOutcome;
import dev.msgprobe.net.StunSchedule;
import dev.msgprobe.net.Trust;
import dev.msgprobe.trace.Trace;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The UDP plans: {@code quic} (a QUIC handshake, and when it fails the differentials that tell a
 * QUIC block from a dead host) and {@code stun} (a STUN Binding transaction, minimal and padded).
 * The mapped address a STUN server returns is dropped here: it is the probe's public address.
 */
final class UdpSteps {
  /** A padded request is this large: past the 1001-byte UDP payload threshold of QUIC filtering. */
  static final int LARGE_DATAGRAM = 1100;
  /** A whole STUN transaction (all its retransmissions) takes this many timeouts. */
  static final int STUN_TIMEOUTS = 2;
  /** A QUIC endpoint's TCP+TLS comparison offers what a browser offers before it learns of HTTP/3. */
  private static final List<String> ALPN_TCP = Steps.ALPN_WEB;

  private final Steps steps;
  private final MeasureConfig config;
  private final QuicHandshaker quic;
  private final StunClient stun;

  UdpSteps(Steps steps, MeasureConfig config, Trust trust) {
    this.steps = steps;
    this.config = config;
    this.quic = new QuicHandshaker(trust, config.timeout());
    this.stun = new StunClient(scheduleFor(config.timeout()));
  }

  /**
   * RFC 8489's schedule (Rc 7, Rm 16) with the RTO scaled so that the transaction takes
   * {@link #STUN_TIMEOUTS} timeouts (79 RTOs), and never more than the RFC's 500 ms RTO.
   */
  static StunSchedule scheduleFor(Duration timeout) {
    Duration rto = timeout.multipliedBy(STUN_TIMEOUTS).dividedBy(79);
    Duration max = StunSchedule.RFC_8489.rto();
    return new StunSchedule(rto.compareTo(max) > 0 ? max : rto, StunSchedule.RFC_8489.rc(),
        StunSchedule.RFC_8489.rm());
  }

  /**
   * DNS, then a QUIC handshake (SNI = host) to the first address. When it fails, at the same time on
   * that address: a {@code retry} after the retry delay, a TCP+TLS handshake on the same port
   * ({@code tcp-tls}: does the host work at all?) and a QUIC handshake with the decoy SNI
   * ({@code decoy-sni}). Recorded in that order.
   */
  void quic(Endpoint e, Trace trace) {
    List<Target> targets = steps.targets(e, trace);
    if (targets.isEmpty() || Steps.interrupted()) {
      return;
    }
    Target target = targets.get(0);
    String sni = e.hostIsAddress() ? null : e.host();
    TlsHandshake main = quic.handshake(target.ip(), e.port(), sni, trace, trace.newTransaction(), target.tags());
    if (main.failure() == null || Steps.interrupted()) {
      return;
    }
    List<Function<Trace, Void>> differentials = new ArrayList<>();
    long retryId = trace.newTransaction();
    differentials.add(into -> {
      if (steps.pause()) {
        quic.handshake(target.ip(), e.port(), sni, into, retryId, target.tagsWith(Tags.RETRY));
      }
      return null;
    });
    long tcpId = trace.newTransaction();
    differentials.add(into -> {
      Steps.close(Steps.interrupted() ? null
          : steps.open(target, target.tagsWith(Tags.TCP_TLS), e.port(), sni, e.host(), ALPN_TCP, into, tcpId));
      return null;
    });
    long decoyId = trace.newTransaction();
    String decoy = config.decoySni();
    differentials.add(into -> {
      if (!Steps.interrupted()) {
        quic.handshake(target.ip(), e.port(), decoy, into, decoyId, target.tagsWith(Tags.DECOY_SNI));
      }
      return null;
    });
    Concurrently.run(trace, differentials);
  }

  /**
   * DNS unless an IP, then at the same time two STUN Binding transactions with the first address: a
   * minimal request and one padded past {@link #LARGE_DATAGRAM} bytes ({@code large-datagram}). The
   * measurement's {@code endpoint} and {@code failure} (stunreachability's keys) are the minimal one's.
   */
  void stun(Endpoint e, Trace trace) {
    List<Target> targets = steps.targets(e, trace);
    String endpoint = e.authority();
    if (targets.isEmpty()) {
      trace.setOutcome(endpoint, Steps.interrupted() ? Failures.INTERRUPTED
          : Failures.DNS_NO_ANSWER);
      return;
    }
    if (Steps.interrupted()) {
      trace.setOutcome(endpoint, Failures.INTERRUPTED);
      return;
    }
    Target target = targets.get(0);
    InetSocketAddress server = new InetSocketAddress(IpLiterals.parse(target.ip()), e.port());
    long smallId = trace.newTransaction();
    long largeId = trace.newTransaction();
    List<StunOutcome> outcomes = Concurrently.run(trace, List.of(
        into -> stun.bind(server, 0, into, smallId, target.tags()),
        into -> stun.bind(server, LARGE_DATAGRAM, into, largeId, target.tagsWith(Tags.LARGE_DATAGRAM))));
    trace.setOutcome(endpoint, outcomes.get(0).failure());
  }
}
