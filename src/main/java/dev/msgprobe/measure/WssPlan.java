package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code wss://}: DNS, TCP, TLS (ALPN http/1.1) with its differentials, the WebSocket upgrade, then the transfer if asked for. */
final class WssPlan implements Plan {
  private final Steps steps;

  WssPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    Steps.Connection tcp = steps.connect(steps.targets(endpoint, trace), endpoint.port(), trace);
    if (tcp == null) {
      return;
    }
    Steps.Connection tls = steps.secure(tcp, endpoint, Steps.ALPN_HTTP1, trace);
    if (tls == null) {
      return;
    }
    steps.webSocket(endpoint, tls, trace);
    steps.throughput(endpoint, tls.target(), trace);
  }
}
