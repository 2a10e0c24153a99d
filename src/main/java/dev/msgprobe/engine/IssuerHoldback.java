package dev.msgprobe.engine;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.SharedIssuers;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-endpoint pass of a run (docs/design/classifier.md#tls-interception). Whether a certificate
 * from an unknown issuer is a server's own or an interception can depend on the rest of the run: the
 * same issuer signing for unrelated sites is a middlebox. So every finished endpoint's issuer is
 * counted, and the few endpoints whose main TLS handshake failed for an unknown issuer and that were
 * not already called blocked are held back instead of written; {@link #release} judges them again with
 * the whole run's count once the campaign ends, cancelled or not. Nothing is written twice; a run killed
 * before the release loses only the held endpoints, which were never written, so {@code --resume}
 * measures them again. Thread-safe.
 */
final class IssuerHoldback {
  /** One endpoint held back, with what its line needs and the verdict it got alone. */
  private record Held(Endpoint endpoint, TestKeys keys, NetworkContext context, Instant start, double runtime,
      Measurement provisional) {}

  /** A held endpoint judged again: {@code provisional} is the measurement as first judged, never written. */
  record Released(Endpoint endpoint, Measurement provisional, Measurement judged) {}

  private final SharedIssuers.Census census = new SharedIssuers.Census();
  private final List<Held> held = new ArrayList<>();
  private boolean released;

  /**
   * Counts the endpoint's unknown issuer, if any; true when the endpoint is held back ({@code holdable}
   * and its verdict may still change), and then the caller must not write it.
   */
  boolean offer(Endpoint e, TestKeys keys, Verdict verdict, NetworkContext context, Instant start, double runtime,
      Measurement provisional, boolean holdable) {
    census.add(e.host(), keys);
    if (!holdable || verdict == null || verdict.status() == Status.BLOCKED
        || !SharedIssuers.hasUnknownIssuer(e.host(), keys)) {
      return false;
    }
    synchronized (this) {
      if (!released) {
        held.add(new Held(e, keys, context, start, runtime, provisional));
      }
    }
    return true;
  }

  /**
   * The held endpoints, in the order they finished, judged again with the run's issuers (a fault of the
   * analyzer keeps the verdict each got alone); empties the hold, and later offers are dropped.
   */
  List<Released> release(Analyzer analyzer, Envelope envelope) {
    List<Held> toJudge;
    synchronized (this) {
      released = true;
      toJudge = List.copyOf(held);
      held.clear();
    }
    SharedIssuers shared = census.snapshot();
    List<Released> out = new ArrayList<>();
    for (Held h : toJudge) {
      Verdict verdict;
      try {
        verdict = analyzer.classify(h.endpoint(), h.keys(), h.context(), shared);
      } catch (RuntimeException | StackOverflowError fault) {
        verdict = h.provisional().testKeys().verdict();
      }
      out.add(new Released(h.endpoint(), h.provisional(),
          envelope.wrap(h.endpoint(), h.keys().withVerdict(verdict), h.start(), h.runtime())));
    }
    return out;
  }
}
