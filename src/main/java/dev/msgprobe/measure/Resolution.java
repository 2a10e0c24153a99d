package dev.msgprobe.measure;

import java.util.List;

/**
 * What the DNS step learned about one host. {@code systemAddresses} are the A/AAAA answers of the first
 * UDP reply from the resolver under test (bogons included, in order); {@code usableSystemAddresses}
 * the same without bogons; {@code trustedAddresses} the union of the DoH answers (empty when DoH is
 * disabled or failed). Addresses are textual IP literals.
 */
public record Resolution(
    List<String> systemAddresses,
    List<String> usableSystemAddresses,
    List<String> trustedAddresses) {

  public Resolution {
    systemAddresses = List.copyOf(systemAddresses);
    usableSystemAddresses = List.copyOf(usableSystemAddresses);
    trustedAddresses = List.copyOf(trustedAddresses);
  }

  /** Usable system addresses that no trusted resolver returned (candidates for a validation handshake). */
  public List<String> unconfirmedSystemAddresses() {
    if (trustedAddresses.isEmpty()) {
      return List.of();
    }
    return usableSystemAddresses.stream().filter(a -> !trustedAddresses.contains(a)).toList();
  }
}
