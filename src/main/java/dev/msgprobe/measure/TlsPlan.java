package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code tls://host:port}: DNS, TCP, the TLS handshake with its differentials, then the transfer if asked for. */
final class TlsPlan implements Plan {
  private final Steps steps;

  TlsPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    Steps.Connection tcp = steps.connect(steps.targets(endpoint, trace), endpoint.port(), trace);
    if (tcp == null) {
      return;
    }
    Steps.Connection tls = steps.secure(tcp, endpoint, Steps.ALPN_WEB, trace);
    Steps.close(tls);
    if (tls != null) {
      steps.throughput(endpoint, tls.target(), trace);
    }
  }
}
