package dev.msgprobe.analysis;

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
 * {@code tcp.reset}). Medium confidence, high when the same address answered on another port.
 */
final class TcpStage {
  private TcpStage() {}

  /** Null when connected (the progress says to what); otherwise the verdict. */
  static Verdict judge(Endpoint e, Observations o, PathEvidence p) {
    List<TcpConnect> main = o.connects(AttemptRole.MAIN);
    List<TcpConnect> retries = o.connects(AttemptRole.RETRY);
    if (main.isEmpty()) {
      return Verdicts.incomplete("a TCP connect to " + e.authority());
    }
    TcpConnect ok = main.stream().filter(c -> c.failure() == null).findFirst()
        .orElse(retries.stream().filter(c -> c.failure() == null).findFirst().orElse(null));
    if (ok != null) {
      for (TcpConnect c : main) {
        if (c.failure() != null) {
          TcpConnect r = retryOf(c, retries);
          if (r != null && r.failure() == null) {
            p.flaky(describe(c) + ", then connected on retry in " + Elapsed.ms(r.t0(), r.t()) + " ms: a flaky step");
          } else {
            p.add(describe(c) + retryText(r));
          }
        }
      }
      if (ok.hasTag(Tags.RETRY)) {
        return null;
      }
      p.add("TCP connect to " + IpEndpoint.join(ok.ip(), ok.port()) + " succeeded in " + Elapsed.ms(ok.t0(), ok.t()) + " ms");
      return null;
    }
    TcpConnect first = main.get(0);
    if (FailureKinds.isInterrupted(first.failure())) {
      return Verdicts.interrupted("the TCP connect to " + IpEndpoint.join(first.ip(), first.port()));
    }
    List<String> ev = new ArrayList<>();
    for (TcpConnect c : main) {
      ev.add(describe(c) + retryText(retryOf(c, retries)));
    }
    Status status = Status.BLOCKED;
    Confidence conf = Confidence.MEDIUM;
    if (Failures.NETWORK_UNREACHABLE.equals(first.failure()) || !FailureKinds.isInterruption(first.failure())) {
      status = Status.INCONCLUSIVE;
      conf = Confidence.LOW;
      ev.add(first.failure() + " is a failure of this machine or of an unknown kind, not a sign of blocking");
    } else {
      String other = otherPortWorked(o, first.ip(), first.port());
      if (other != null) {
        conf = Confidence.HIGH;
        ev.add(other);
      }
    }
    Verdict v = Verdicts.of(status, FailureMethods.tcp(first.failure()), conf, ev);
    List<String> control = o.connects(AttemptRole.CONTROL).stream().map(TcpConnect::failure).toList();
    return ControlCheck.apply(v, first.failure(), control, "TCP connect");
  }

  static String describe(TcpConnect c) {
    return "TCP connect to " + IpEndpoint.join(c.ip(), c.port()) + " failed with " + c.failure() + " after "
        + Elapsed.ms(c.t0(), c.t()) + " ms";
  }

  private static String retryText(TcpConnect r) {
    if (r == null) {
      return "";
    }
    return ", and again on retry (" + r.failure() + " after " + Elapsed.ms(r.t0(), r.t()) + " ms)";
  }

  private static TcpConnect retryOf(TcpConnect c, List<TcpConnect> retries) {
    return retries.stream().filter(r -> r.ip().equals(c.ip()) && r.port() == c.port()).findFirst().orElse(null);
  }

  /** A sentence when another port of the same address accepted a connection or completed a handshake. */
  private static String otherPortWorked(Observations o, String ip, int port) {
    for (TcpConnect c : o.keys.tcpConnect()) {
      if (c.failure() == null && c.ip().equals(ip) && c.port() != port && AttemptRole.of(c.tags()) != AttemptRole.CONTROL) {
        return "the same address accepted a connection on port " + c.port() + ", so the host is up";
      }
    }
    for (TlsHandshake h : o.keys.tlsHandshakes()) {
      String addr = h.address();
      if (h.failure() == null && Objects.equals(IpEndpoint.ipOf(addr), ip) && !addr.endsWith(":" + port)
          && AttemptRole.of(h.tags()) != AttemptRole.CONTROL) {
        return "the same address completed a TLS handshake on " + addr + ", so the host is up";
      }
    }
    return null;
  }
}
