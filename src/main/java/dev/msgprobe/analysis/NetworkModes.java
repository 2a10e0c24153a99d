package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the run's controls say about the probe's own network, applied to an endpoint's verdict
 * (docs/contract/summary.md). Offline: nothing is blocked; failures become inconclusive (low), an endpoint that worked
 * anyway stays reachable (medium). Allowlist: connectivity failures left inconclusive (e.g. a DNS
 * timeout with DoH unreachable) are blocked (medium), since only allowlisted destinations pass, and
 * every blocked verdict says so. A down verdict stays down: it rests on the control vantage or the
 * trusted path, which the probe's allowlist does not affect.
 */
final class NetworkModes {
  static final String OFFLINE = Evidence.sentence("mode.offline");
  static final String ALLOWLIST = Evidence.sentence("mode.allowlist");

  static final String UDP_FILTERED = Evidence.sentence("mode.udp_filtered");

  /** Failures that an allowlist produces (nothing passes), as opposed to a server's own errors. */
  private static final Set<Method> CONNECTIVITY = Set.of(Method.DNS_FAILURE, Method.TCP_TIMEOUT, Method.TCP_REFUSED,
      Method.TCP_RESET, Method.TLS_RESET, Method.TLS_TIMEOUT, Method.TLS_EOF, Method.HTTP_RESET, Method.HTTP_TIMEOUT,
      Method.HTTP_EOF);

  private NetworkModes() {}

  static Verdict apply(Verdict v, NetworkContext ctx) {
    if (ctx.offline()) {
      if (v.status() == Status.REACHABLE) {
        return Verdicts.withConfidence(Verdicts.withEvidence(v, List.of(Evidence.sentence("mode.offline.worked"))), Confidence.MEDIUM);
      }
      return new Verdict(Status.INCONCLUSIVE, v.layer(), v.method(), v.sniFiltering(), Confidence.LOW,
          prepend(OFFLINE, v.evidence()));
    }
    if (ctx.networkMode() == NetworkMode.ALLOWLIST) {
      if (v.status() == Status.INCONCLUSIVE && CONNECTIVITY.contains(v.method())) {
        return Verdicts.withEvidence(Verdicts.withStatus(v, Status.BLOCKED, Confidence.MEDIUM), List.of(ALLOWLIST));
      }
      if (v.status() == Status.BLOCKED || v.status() == Status.THROTTLED) {
        return Verdicts.withEvidence(v, List.of(ALLOWLIST));
      }
    }
    return v;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return List.copyOf(out);
  }
}
