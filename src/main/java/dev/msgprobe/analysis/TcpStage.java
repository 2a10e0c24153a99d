package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.net.IpEndpoint;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Tags;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * TCP connect rules: the endpoint is connected when a main-path connect or its retry succeeded;
 * otherwise the first attempt's failure names the method ({@code tcp.timeout}, {@code tcp.refused},
 * {@code tcp.reset}). Medium confidence, high when the same address answered on another port. A
 * refused connection is {@code inconclusive} without a control vantage (it cannot be told from a
 * server with nothing listening), {@code blocked} when the control connects, {@code down} when the
 * control is refused too.
 */
final class TcpStage {
  private TcpStage() {}

  /** Null when connected (the progress says to what); otherwise the verdict. */
  static Verdict judge(Endpoint e, Observations o, PathEvidence p) {
    List<TcpConnect> main = o.connects(AttemptRole.MAIN);
    List<TcpConnect> retries = o.connects(AttemptRole.RETRY);
    if (main.isEmpty()) {
      return Verdicts.incomplete("tcp", e.authority());
    }
    TcpConnect ok = main.stream().filter(c -> c.failure() == null).findFirst()
        .orElse(retries.stream().filter(c -> c.failure() == null).findFirst().orElse(null));
    if (ok != null) {
      for (TcpConnect c : main) {
        if (c.failure() != null) {
          TcpConnect r = retryOf(c, retries);
          if (r != null && r.failure() == null) {
            p.flaky(Evidence.sentence("tcp.flaky", describe(c), Elapsed.ms(r.t0(), r.t())));
          } else {
            p.add(withRetry(describe(c), r));
          }
        }
      }
      if (ok.hasTag(Tags.RETRY)) {
        return null;
      }
      p.add(Evidence.sentence("tcp.connected", IpEndpoint.join(ok.ip(), ok.port()), Elapsed.ms(ok.t0(), ok.t())));
      return null;
    }
    TcpConnect first = main.get(0);
    if (FailureKinds.isInterrupted(first.failure())) {
      return Verdicts.interrupted("tcp", IpEndpoint.join(first.ip(), first.port()));
    }
    List<String> ev = new ArrayList<>();
    for (TcpConnect c : main) {
      ev.add(withRetry(describe(c), retryOf(c, retries)));
    }
    Status status = Status.BLOCKED;
    Confidence conf = Confidence.MEDIUM;
    if (Failures.NETWORK_UNREACHABLE.equals(first.failure()) || !FailureKinds.isInterruption(first.failure())) {
      status = Status.INCONCLUSIVE;
      conf = Confidence.LOW;
      ev.add(Evidence.sentence("tcp.machine", first.failure()));
    } else {
      String other = otherPortWorked(o, first.ip(), first.port());
      if (other != null) {
        conf = Confidence.HIGH;
        ev.add(other);
      }
    }
    Verdict v = Verdicts.of(status, FailureMethods.tcp(first.failure()), conf, ev);
    List<String> control = o.connects(AttemptRole.CONTROL).stream().map(TcpConnect::failure).toList();
    Verdict judged = ControlCheck.apply(v, first.failure(), control, "tcp");
    if (Failures.CONNECTION_REFUSED.equals(first.failure()) && control.isEmpty() && judged.status() == Status.BLOCKED) {
      return Verdicts.withEvidence(Verdicts.withStatus(judged, Status.INCONCLUSIVE, Confidence.LOW), List.of(
          Evidence.sentence("tcp.refused.ambiguous")));
    }
    return judged;
  }

  static String describe(TcpConnect c) {
    return Evidence.sentence("tcp.failed", IpEndpoint.join(c.ip(), c.port()), c.failure(), Elapsed.ms(c.t0(), c.t()));
  }

  private static String withRetry(String failed, TcpConnect r) {
    if (r == null) {
      return failed;
    }
    return Evidence.sentence("retry.again", failed, r.failure(), Elapsed.ms(r.t0(), r.t()));
  }

  private static TcpConnect retryOf(TcpConnect c, List<TcpConnect> retries) {
    return retries.stream().filter(r -> r.ip().equals(c.ip()) && r.port() == c.port()).findFirst().orElse(null);
  }

  /** A sentence when another port of the same address accepted a connection or completed a handshake. */
  private static String otherPortWorked(Observations o, String ip, int port) {
    for (TcpConnect c : o.keys.tcpConnect()) {
      if (c.failure() == null && c.ip().equals(ip) && c.port() != port && AttemptRole.of(c.tags()) != AttemptRole.CONTROL) {
        return Evidence.sentence("tcp.other_port", c.port());
      }
    }
    for (TlsHandshake h : o.keys.tlsHandshakes()) {
      String addr = h.address();
      if (h.failure() == null && Objects.equals(IpEndpoint.ipOf(addr), ip) && !addr.endsWith(":" + port)
          && AttemptRole.of(h.tags()) != AttemptRole.CONTROL) {
        return Evidence.sentence("tcp.other_port.tls", addr);
      }
    }
    return null;
  }
}
