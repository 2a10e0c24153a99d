package dev.msgprobe.analysis;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses no public service can have: unspecified, loopback, private, shared, link-local,
 * documentation, benchmarking, multicast and reserved ranges (IPv4 and IPv6; IPv4-mapped IPv6 is
 * judged by its IPv4 part). Anything that is not an IP literal is not a bogon.
 */
final class Bogons {
  private static final String[] V4 = {
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
      "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"};
  private static final String[] V6 = {
      "::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8"};

  private Bogons() {}

  static boolean isBogon(String ip) {
    InetAddress a = parseLiteral(ip);
    if (a == null) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address && isV4Mapped(b)) {
      byte[] v4 = new byte[] {b[12], b[13], b[14], b[15]};
      return inAny(v4, V4);
    }
    return inAny(b, a instanceof Inet4Address ? V4 : V6);
  }

  /** Parses an IPv4 or IPv6 literal without any name lookup; null when {@code s} is not one. */
  static InetAddress parseLiteral(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    boolean v4 = t.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static boolean inAny(byte[] address, String[] cidrs) {
    for (String cidr : cidrs) {
      int slash = cidr.indexOf('/');
      InetAddress net = parseLiteral(cidr.substring(0, slash));
      if (net != null && net.getAddress().length == address.length
          && samePrefix(address, net.getAddress(), Integer.parseInt(cidr.substring(slash + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
