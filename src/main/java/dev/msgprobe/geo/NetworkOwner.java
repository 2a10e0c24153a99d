package dev.msgprobe.geo;

import java.util.Locale;

/**
 * Who announces an address: its autonomous system number (0 = unknown), the organisation behind it
 * (null = unknown) and the country of the range (null = unknown).
 */
public record NetworkOwner(long asn, String organisation, String countryCode) {
  public static final NetworkOwner UNKNOWN = new NetworkOwner(0, null, null);

  public NetworkOwner {
    if (asn < 0 || asn > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an AS number: " + asn);
    }
    countryCode = countryCode == null || countryCode.isBlank() ? null : countryCode.toUpperCase(Locale.ROOT);
    organisation = organisation == null || organisation.isBlank() ? null : organisation;
  }

  /** OONI's form: {@code "AS32934"}, {@code "AS0"} when unknown. */
  public String asnLabel() {
    return "AS" + asn;
  }

  /** The country as OONI writes it: two letters, {@code "ZZ"} when unknown. */
  public String countryLabel() {
    return countryCode == null ? "ZZ" : countryCode;
  }

  /** This owner with the gaps filled from {@code other} (ASN and organisation travel together). */
  NetworkOwner orElse(NetworkOwner other) {
    boolean mine = asn != 0;
    return new NetworkOwner(mine ? asn : other.asn, mine ? organisation : other.organisation,
        countryCode != null ? countryCode : other.countryCode);
  }

  /** Parses {@code AS12389}, {@code as12389} or {@code 12389}. */
  public static long parseAsn(String text) {
    String t = text.strip();
    if (t.regionMatches(true, 0, "AS", 0, 2)) {
      t = t.substring(2);
    }
    if (!t.matches("[0-9]{1,10}")) {
      throw new IllegalArgumentException("not an AS number: " + text + " (expected ASnnn)");
    }
    long v = Long.parseLong(t);
    if (v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an AS number: " + text + " (above 4294967295)");
    }
    return v;
  }
}
