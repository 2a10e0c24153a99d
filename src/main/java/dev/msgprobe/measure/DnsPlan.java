package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** {@code dns://host}: the resolver step only. */
final class DnsPlan implements Plan {
  private final Steps steps;

  DnsPlan(Steps steps) {
    this.steps = steps;
  }

  @Override
  public void run(Endpoint endpoint, Trace trace) {
    steps.resolveOnly(endpoint, trace);
  }
}
