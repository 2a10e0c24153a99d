package dev.msgprobe.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which services are well known (WhatsApp, Telegram, MAX: those with their own networks in
 * {@link ServiceNetworks}), and the issuers outside the usual trust stores whose certificates their
 * real servers are known to present. WhatsApp and Telegram present chains of public CAs only; Russian
 * services may present chains of the Russian Trusted Root CA (Минцифры), which many trust stores lack,
 * so for MAX such an issuer is no evidence of interception.
 */
final class ServiceIssuers {
  private static final Map<String, List<Pattern>> OWN_UNTRUSTED = Map.of(
      "max", List.of(Pattern.compile("russian\\s+trusted", Pattern.CASE_INSENSITIVE)));

  private ServiceIssuers() {}

  static boolean wellKnown(String service) {
    return !ServiceNetworks.own(service).isEmpty();
  }

  /** True when a real server of {@code service} could present a chain from {@code issuer}. */
  static boolean ownIssuer(String service, CertificateIssuer issuer) {
    return OWN_UNTRUSTED.getOrDefault(service.toLowerCase(Locale.ROOT), List.of()).stream()
        .anyMatch(p -> p.matcher(issuer.name()).find());
  }
}
