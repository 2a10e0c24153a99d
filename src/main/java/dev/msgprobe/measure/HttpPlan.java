package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code http://}: DNS (unless an IP), TCP, the HTTP request and its redirects, then the transfer if asked for. */
final class HttpPlan implements Plan {
  private final Steps steps;

  HttpPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    Steps.Connection tcp = steps.connect(steps.targets(endpoint, trace), endpoint.port(), trace);
    if (tcp == null) {
      return;
    }
    Steps.close(tcp);
    steps.http(endpoint, tcp.target(), trace);
    steps.throughput(endpoint, tcp.target(), trace);
  }
}
