package dev.msgprobe.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;

/** IP address literals: parsed without ever touching the system resolver, and formatted as OONI addresses. */
public final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpLiterals() {}

  public static boolean isLiteral(String host) {
    return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
  }

  /**
   * The address a literal denotes.
   *
   * @throws IllegalArgumentException when {@code literal} is not an IP literal (a name is never resolved here)
   */
  public static InetAddress parse(String literal) {
    if (!isLiteral(literal)) {
      throw new IllegalArgumentException("not an IP literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }

  /** {@code ip:port}, with brackets around an IPv6 address (OONI's {@code address} field). */
  public static String hostPort(String ip, int port) {
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }

  /** The bytes of an IPv4 or IPv6 literal (4 or 16; brackets allowed around IPv6), or null when {@code text} is not one. */
  public static byte[] bytes(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
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
