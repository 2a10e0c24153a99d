package dev.msgprobe.geo;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The key an address is searched by: an IPv4 address as its 32-bit value, an IPv6 address as its
 * first 64 bits (the routing prefix). Ranges narrower than a /64 are therefore widened to their
 * /64; routed IPv6 prefixes are /48 or wider, so this loses nothing that BGP data can say.
 */
final class RangeKey {
  private RangeKey() {}

  static long of(InetAddress address) {
    byte[] b = address.getAddress();
    long v = 0;
    int n = address instanceof Inet4Address ? 4 : 8;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  /** The key of an IPv6 address given as a 128-bit number. */
  static long ipv6(BigInteger address) {
    return address.shiftRight(64).longValue();
  }
}
