package dev.msgprobe.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/**
 * IP address literals: recognised and parsed without ever touching the system resolver, and
 * formatted as RFC 5952 text. An IPv4 literal is a dotted quad of four decimal octets; an IPv6
 * literal may embed a dotted quad ({@code ::ffff:192.0.2.1}) but carries no zone id. Anything else
 * ({@code 1.2.3}, {@code 1.2.3.4.}, {@code 0x7f.1}, names) is not a literal. See {@link IpEndpoint}
 * for addresses with ports.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /** True when {@code text} is an IPv4 or IPv6 literal (brackets allowed around IPv6). Never resolves names. */
  public static boolean isLiteral(String text) {
    return bytes(text) != null;
  }

  /**
   * The address a literal denotes, built from its bytes (brackets allowed around IPv6): it carries no
   * host name, and neither a forward nor a reverse lookup happens.
   *
   * @throws IllegalArgumentException when {@code literal} is not an IP literal (a name is never resolved here)
   */
  public static InetAddress parse(String literal) {
    byte[] address = bytes(literal);
    if (address == null) {
      throw new IllegalArgumentException("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }

  /** The bytes of an IPv4 or IPv6 literal (4 or 16; brackets allowed around IPv6), or null when {@code text} is not one. */
  public static byte[] bytes(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String s = IpEndpoint.unbracketed(text);
    if (s.indexOf(':') >= 0) {
      return s.indexOf('%') >= 0 ? null : Address.toByteArray(s, Address.IPv6);
    }
    return Address.isDottedQuad(s) ? Address.toByteArray(s, Address.IPv4) : null;
  }

  /** Dotted quad for 4 bytes; RFC 5952 text (lower case, longest zero run as "::") for 16 bytes. */
  public static String format(byte[] address) {
    if (address.length == 4) {
      return Address.toDottedQuad(address);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
