package dev.msgprobe.analysis;

import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The certificate issuers a whole run saw on chains the trust store could not anchor, each with the
 * unrelated sites (registrable domains) it signed for. One unknown issuer signing for
 * {@link #MIN_DOMAINS} or more unrelated sites in one run is an intercepting middlebox, not a broken
 * server (docs/design/classifier.md#tls-interception). Immutable; built with a {@link Census}.
 */
public final class SharedIssuers {
  /** How many unrelated sites one unknown issuer must sign for to count as interception. */
  public static final int MIN_DOMAINS = 2;

  /** No cross-endpoint knowledge: each endpoint judged alone. */
  public static final SharedIssuers NONE = new SharedIssuers(Map.of());

  private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "edu", "ac", "or", "ne");

  private final Map<String, Set<String>> domainsByIssuer;

  private SharedIssuers(Map<String, Set<String>> domainsByIssuer) {
    this.domainsByIssuer = domainsByIssuer;
  }

  /** The sites {@code issuer} signed for in this run, when that makes it shared; empty otherwise. */
  Optional<Set<String>> sharedSites(CertificateIssuer issuer) {
    Set<String> sites = domainsByIssuer.get(issuer.key());
    return sites != null && sites.size() >= MIN_DOMAINS ? Optional.of(sites) : Optional.empty();
  }

  /** True when the main TLS handshake of {@code keys} was refused for an unknown issuer that left its chain. */
  public static boolean hasUnknownIssuer(String host, TestKeys keys) {
    return issuerOf(host, keys).isPresent();
  }

  static Optional<CertificateIssuer> issuerOf(String host, TestKeys keys) {
    if (keys == null || keys.tlsHandshakes() == null) {
      return Optional.empty();
    }
    List<TlsHandshake> main = new Observations(keys, host).handshakes(AttemptRole.MAIN);
    return main.isEmpty() ? Optional.empty() : CertificateIssuer.ofUntrusted(main.get(0));
  }

  /**
   * The site a host belongs to: an IP literal is its own; a name its last two labels, three under a
   * country code's generic second level ({@code a.b.co.uk} → {@code b.co.uk}). An approximation of the
   * public suffix list that errs towards calling two hosts related, never towards calling them unrelated.
   */
  static String site(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.indexOf(':') >= 0 || h.matches("[0-9.]+")) {
      return h;
    }
    String[] labels = h.split("\\.");
    int n = labels.length;
    if (n <= 2) {
      return h;
    }
    boolean genericUnderCountry = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
    int keep = genericUnderCountry ? 3 : 2;
    return String.join(".", List.of(labels).subList(n - keep, n));
  }

  /** Collects a run's endpoints one at a time. Thread-safe. */
  public static final class Census {
    private final Map<String, Set<String>> domainsByIssuer = new HashMap<>();

    /** Counts {@code keys}' unknown issuer, if any, for {@code host}'s site. */
    public synchronized void add(String host, TestKeys keys) {
      issuerOf(host, keys).ifPresent(i -> domainsByIssuer.computeIfAbsent(i.key(), k -> new TreeSet<>()).add(site(host)));
    }

    public synchronized SharedIssuers snapshot() {
      Map<String, Set<String>> copy = new HashMap<>();
      domainsByIssuer.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
      return new SharedIssuers(copy);
    }
  }
}
