package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code tcp://host:port}: DNS, then a TCP connect to each address. */
final class TcpPlan implements Plan {
  private final Steps steps;

  TcpPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    Steps.close(steps.connect(steps.targets(endpoint, trace), endpoint.port(), trace));
  }
}
