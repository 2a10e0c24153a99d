package dev.msgprobe.analysis;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Verdict;
import java.util.List;

/**
 * What the DNS step concluded. {@code verdict} is final when set (DNS alone decides). {@code suspicion}
 * is a DNS anomaly (injection, inconsistency) that becomes the verdict when the main path fails or
 * cannot validate the address (no TLS); a validated handshake clears it. {@code trusted} are the
 * trusted resolvers' usable addresses ({@code trustedAnswered} false when DoH was off or failed).
 * {@code notes} describe the DNS step for the final evidence; {@code okConfidence} is how sure a
 * DNS-only endpoint is reachable.
 */
record DnsResult(Verdict verdict, Verdict suspicion, List<String> trusted, boolean trustedAnswered,
    List<String> notes, Confidence okConfidence) {

  /** For an IP-literal host: no DNS step. */
  static final DnsResult NONE = new DnsResult(null, null, List.of(), false, List.of(), Confidence.HIGH);

  static DnsResult decided(Verdict v) {
    return new DnsResult(v, null, List.of(), false, List.of(), v.confidence());
  }
}
