package dev.msgprobe.report;

import dev.msgprobe.net.IpLiterals;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 *
 * <p>Bytes kept as base64 ({@code {"format":"base64","data":...}}: binary bodies, DNS messages, STUN
 * replies) are decoded and scrubbed too: the address written as text becomes {@code [scrubbed]}, and
 * the address as raw bytes (a DNS A/AAAA record, a STUN MAPPED-ADDRESS, or an XOR-MAPPED-ADDRESS
 * masked with the STUN magic cookie) becomes zero bytes, so the message keeps its shape.
 */
final class Scrubber {
  static final String SCRUBBED = "[scrubbed]";

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private static final Pattern BASE64 = Pattern.compile("(\"format\":\"base64\",\"data\":\")([A-Za-z0-9+/=]*)(\")");
  private static final byte[] STUN_COOKIE = {0x21, 0x12, (byte) 0xA4, 0x42};

  private final List<Pattern> patterns;
  private final List<byte[]> rawForms;

  /**
   * {@code addresses} are IPv4 or IPv6 literals; anything else is rejected. Loopback addresses are
   * ignored: {@code probe_ip} is 127.0.0.1 by design, and a loopback answer is evidence (a bogon).
   */
  Scrubber(Set<String> addresses) {
    List<Pattern> list = new ArrayList<>();
    List<byte[]> raw = new ArrayList<>();
    for (String address : addresses) {
      patternFor(address.trim()).ifPresent(p -> {
        list.add(p);
        raw.addAll(rawForms(address.trim()));
      });
    }
    this.patterns = List.copyOf(list);
    this.rawForms = List.copyOf(raw);
  }

  String scrub(String line) {
    if (patterns.isEmpty()) {
      return line;
    }
    String result = line.contains("\"base64\"") ? scrubBase64(line) : line;
    for (Pattern p : patterns) {
      result = p.matcher(result).replaceAll(Matcher.quoteReplacement(SCRUBBED));
    }
    return result;
  }

  private String scrubBase64(String line) {
    Matcher m = BASE64.matcher(line);
    StringBuilder out = new StringBuilder(line.length());
    while (m.find()) {
      String data = m.group(2);
      String scrubbed = data;
      try {
        byte[] bytes = Base64.getDecoder().decode(data);
        byte[] clean = scrubBytes(bytes);
        if (clean != bytes) {
          scrubbed = Base64.getEncoder().encodeToString(clean);
        }
      } catch (IllegalArgumentException notBase64) {
        // left to the text patterns
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + scrubbed + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The bytes with every text and raw form of an address replaced; the same array when none was found. */
  private byte[] scrubBytes(byte[] bytes) {
    byte[] result = bytes;
    for (byte[] form : rawForms) {
      for (int i = indexOf(result, form, 0); i >= 0; i = indexOf(result, form, i + form.length)) {
        if (result == bytes) {
          result = bytes.clone();
        }
        java.util.Arrays.fill(result, i, i + form.length, (byte) 0);
      }
    }
    String latin = new String(result, StandardCharsets.ISO_8859_1);
    String text = latin;
    for (Pattern p : patterns) {
      text = p.matcher(text).replaceAll(Matcher.quoteReplacement(SCRUBBED));
    }
    return text.equals(latin) ? result : text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The address's own bytes and, for IPv4, their XOR with the STUN magic cookie. (An IPv6
   * XOR-MAPPED-ADDRESS is also masked with the transaction id, so it has no fixed form; a STUN
   * reply's address is recorded as text, which the text patterns catch.)
   */
  private static List<byte[]> rawForms(String address) {
    byte[] bytes;
    try {
      bytes = IpLiterals.parse(address).getAddress();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    byte[] xored = bytes.clone();
    for (int i = 0; i < 4; i++) {
      xored[i] ^= STUN_COOKIE[i];
    }
    return bytes.length == 4 ? List.of(bytes, xored) : List.of(bytes);
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
