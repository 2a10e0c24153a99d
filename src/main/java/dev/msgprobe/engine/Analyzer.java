package dev.msgprobe.engine;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.List;

/** The analysis the engine applies: a verdict per endpoint, and what the controls say of the network. */
public interface Analyzer {
  Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context);

  NetworkContext networkContext(List<Measurement> controls);
}
