package dev.msgprobe.report;

import dev.msgprobe.net.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the probe's own addresses with {@code [scrubbed]} anywhere in a serialised line, like
 * OONI's ScrubMeasurement. Unlike OONI's plain substring replacement, a match must not touch another
 * address character (a digit for IPv4; a hex digit or colon for IPv6), so {@code 1.2.3.4} does not
 * mangle {@code 11.2.3.45}. IPv6 addresses match in any letter case and in both the compressed
 * (RFC 5952) and the full eight-group form.
 */
final class Scrubber {
  static final String SCRUBBED = "[scrubbed]";

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private final List<Pattern> patterns;

  /**
   * {@code addresses} are IPv4 or IPv6 literals; anything else is rejected. Loopback addresses are
   * ignored: {@code probe_ip} is 127.0.0.1 by design, and a loopback answer is evidence (a bogon).
   */
  Scrubber(Set<String> addresses) {
    List<Pattern> list = new ArrayList<>();
    for (String address : addresses) {
      patternFor(address.trim()).ifPresent(list::add);
    }
    this.patterns = List.copyOf(list);
  }

  String scrub(String line) {
    String result = line;
    for (Pattern p : patterns) {
      result = p.matcher(result).replaceAll(Matcher.quoteReplacement(SCRUBBED));
    }
    return result;
  }

  private static Optional<Pattern> patternFor(String address) {
    if (IPV4.matcher(address).matches()) {
      return address.startsWith("127.") ? Optional.empty()
          : Optional.of(Pattern.compile("(?<![0-9])" + Pattern.quote(address) + "(?![0-9])"));
    }
    if (IPV6.matcher(address).matches()) {
      InetAddress parsed = IpLiterals.parse(address);
      if (parsed.isLoopbackAddress()) {
        return Optional.empty();
      }
      List<String> alternatives = new ArrayList<>();
      for (String form : ipv6Forms(address, parsed)) {
        alternatives.add(Pattern.quote(form));
      }
      return Optional.of(Pattern.compile(
          "(?<![0-9A-Fa-f:])(?:" + String.join("|", alternatives) + ")(?![0-9A-Fa-f:])", Pattern.CASE_INSENSITIVE));
    }
    throw new IllegalArgumentException("not an IP address literal: " + address);
  }

  /** The written form, Java's full form and the RFC 5952 form; longest first so none shadows another. */
  private static List<String> ipv6Forms(String literal, InetAddress parsed) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(literal.toLowerCase(Locale.ROOT));
    if (parsed instanceof Inet6Address) {
      String full = parsed.getHostAddress();
      forms.add(full);
      forms.add(IpLiterals.format(parsed.getAddress()));
    }
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort((a, b) -> b.length() - a.length());
    return sorted;
  }
}
