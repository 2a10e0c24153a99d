package dev.msgprobe.net;

import java.util.Arrays;
import java.util.List;

/**
 * Addresses that cannot be a public server: unspecified, loopback, private, shared, link-local,
 * documentation, benchmarking, multicast and reserved ranges (IANA special-purpose registries, as
 * in ooni/probe-cli:internal/netxlite/bogon.go). An IPv4-mapped or IPv4-compatible IPv6 address is
 * judged by the IPv4 address it carries.
 */
public final class Bogons {
  private static final List<Prefix> IPV4 = prefixes(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
      "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");

  private static final List<Prefix> IPV6 = prefixes(
      "::/128", "::1/128", "100::/64", "2001:2::/48", "2001:10::/28", "2001:20::/28", "2001:db8::/32",
      "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

  private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
  private static final byte[] COMPATIBLE_PREFIX = new byte[12];

  private Bogons() {}

  /**
   * True when {@code ip}, an IPv4 or IPv6 literal (brackets allowed around IPv6), is a bogon.
   *
   * @throws IllegalArgumentException when {@code ip} is not an IP literal (never resolved as a name)
   */
  public static boolean isBogon(String ip) {
    byte[] address = IpLiterals.bytes(ip);
    if (address == null) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    if (address.length == 16 && (startsWith(address, MAPPED_PREFIX) || startsWith(address, COMPATIBLE_PREFIX))
        && !isAllZeroOrLoopback(address)) {
      return matches(IPV4, Arrays.copyOfRange(address, 12, 16));
    }
    return matches(address.length == 4 ? IPV4 : IPV6, address);
  }

  private static boolean isAllZeroOrLoopback(byte[] v6) {
    for (int i = 0; i < 15; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[15] == 0 || v6[15] == 1;
  }

  private static boolean startsWith(byte[] address, byte[] prefix) {
    return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean matches(List<Prefix> table, byte[] address) {
    return table.stream().anyMatch(p -> p.contains(address));
  }

  private static List<Prefix> prefixes(String... cidrs) {
    return Arrays.stream(cidrs).map(Prefix::parse).toList();
  }

  private record Prefix(byte[] network, int bits) {
    static Prefix parse(String cidr) {
      int slash = cidr.indexOf('/');
      return new Prefix(IpLiterals.bytes(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      if (!Arrays.equals(address, 0, full, network, 0, full)) {
        return false;
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
