package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.trace.Trace;

/** The steps of one scheme (docs/design/measurement.md); records into the trace, never throws for network failures. */
interface Plan {
  void run(Endpoint endpoint, Trace trace);
}
