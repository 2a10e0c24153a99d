package dev.msgprobe.analysis;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.TlsHandshake;
import java.util.List;

/**
 * The decoy-SNI differential (SNI-triggered RST or drop): {@code decoy-sni} and {@code no-sni}
 * handshakes to the address where the real SNI failed. A decoy that completed, or failed only with a
 * certificate error (the server answered; the decoy name need not be valid there), means the filter is
 * keyed on the SNI; decoys that failed too point at the address.
 */
record SniTest(Boolean filtering, List<String> evidence) {

  static SniTest of(List<TlsHandshake> decoys, String address) {
    List<TlsHandshake> same = decoys.stream().filter(d -> address.equals(d.address())).toList();
    List<TlsHandshake> used = same.isEmpty() ? decoys : same;
    if (used.isEmpty()) {
      return new SniTest(null, List.of());
    }
    for (TlsHandshake d : used) {
      if (d.failure() == null || Failures.isCertificateError(d.failure())) {
        String answered = d.failure() == null ? "completed a handshake" : "answered a handshake (" + d.failure() + ")";
        return new SniTest(true, List.of("the same address " + answered + " with " + sni(d) + " in "
            + Elapsed.ms(d.t0(), d.t()) + " ms: the filter is keyed on the SNI"));
      }
    }
    TlsHandshake d = used.get(0);
    return new SniTest(false, List.of("the same address also failed with " + sni(d) + " (" + d.failure() + " after "
        + Elapsed.ms(d.t0(), d.t()) + " ms): the block does not depend on the SNI, more likely on the address"));
  }

  /** {@code SNI name}, or {@code no SNI}. */
  static String sni(TlsHandshake h) {
    return h.serverName() == null || h.serverName().isEmpty() ? "no SNI" : "SNI " + h.serverName();
  }
}
