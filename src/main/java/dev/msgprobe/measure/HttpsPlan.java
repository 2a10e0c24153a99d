package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code https://}: DNS, TCP, TLS with its differentials, the HTTP request and its redirects, then the transfer if asked for. */
final class HttpsPlan implements Plan {
  private final Steps steps;

  HttpsPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    Steps.Connection tcp = steps.connect(steps.targets(endpoint, trace), endpoint.port(), trace);
    if (tcp == null) {
      return;
    }
    Steps.Connection tls = steps.secure(tcp, endpoint, Steps.ALPN_WEB, trace);
    if (tls == null) {
      return;
    }
    Steps.close(tls);
    steps.http(endpoint, tls.target(), trace);
    steps.throughput(endpoint, tls.target(), trace);
  }
}
