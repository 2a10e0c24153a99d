package dev.msgprobe.analysis;

import dev.msgprobe.evidence.Evidence;
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
        String answered = d.failure() == null
            ? Evidence.sentence("sni.keyed", sni(d), Elapsed.ms(d.t0(), d.t()))
            : Evidence.sentence("sni.keyed.cert", sni(d), d.failure(), Elapsed.ms(d.t0(), d.t()));
        return new SniTest(true, List.of(answered));
      }
    }
    TlsHandshake d = used.get(0);
    return new SniTest(false, List.of(Evidence.sentence("sni.address", sni(d), d.failure(),
        Elapsed.ms(d.t0(), d.t()))));
  }

  /** {@code SNI name}, or {@code no SNI}. */
  static String sni(TlsHandshake h) {
    return h.serverName() == null || h.serverName().isEmpty() ? Evidence.sentence("sni.none")
        : Evidence.sentence("sni.name", h.serverName());
  }
}
