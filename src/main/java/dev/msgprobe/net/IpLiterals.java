package dev.msgprobe.net;

import org.xbill.DNS.Address;

/** IP literals to bytes and back, without ever resolving a name. */
final class IpLiterals {
  private IpLiterals() {}

  /** The bytes of an IPv4 or IPv6 literal (4 or 16; brackets allowed around IPv6), or null when {@code text} is not one. */
  static byte[] parse(String text) {
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
  static String format(byte[] address) {
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
