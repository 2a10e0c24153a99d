package dev.msgprobe.engine;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.SharedIssuers;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.util.List;

/** The analysis the engine applies: a verdict per endpoint, and what the controls say of the network. */
public interface Analyzer {
  Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context);

  /**
   * The verdict knowing which unknown certificate issuers the run saw on unrelated sites; an analyzer
   * without cross-endpoint rules judges as {@link #classify(Endpoint, TestKeys, NetworkContext)}.
   */
  default Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context, SharedIssuers shared) {
    return classify(endpoint, observations, context);
  }

  NetworkContext networkContext(List<Measurement> controls);
}
