package dev.msgprobe.helper;

import dev.msgprobe.net.Bogons;
import dev.msgprobe.net.IpLiterals;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses the helper never connects to for a client (SSRF): bogons (loopback, private,
 * link-local, ...); IPv6 translations that lead to a bogon IPv4 address — NAT64 {@code 64:ff9b::/96}
 * carrying one, the whole local-use NAT64 prefix {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16} and
 * Teredo {@code 2001::/32} carrying one; and the helper's own addresses, public ones included (a
 * request must not reach services listening on the helper's host).
 */
final class ForbiddenAddresses {
  private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  private static final byte[] NAT64_LOCAL = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
  private static final byte[] SIX_TO_FOUR = {0x20, 0x02};
  private static final byte[] TEREDO = {0x20, 0x01, 0, 0};

  private final Set<String> own;

  /** {@code own}: the helper's own addresses, as IP literals. */
  ForbiddenAddresses(Set<String> own) {
    Set<String> canonical = new HashSet<>();
    for (String ip : own) {
      byte[] bytes = IpLiterals.bytes(ip);
      if (bytes != null) {
        canonical.add(IpLiterals.format(bytes));
      }
    }
    this.own = Set.copyOf(canonical);
  }

  /** With the addresses of this host's interfaces as its own. */
  static ForbiddenAddresses ofThisHost() {
    Set<String> addresses = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          addresses.add(IpLiterals.format(a.getAddress()));
        }
      }
    } catch (SocketException | NullPointerException noInterfaces) {
      // no interface list: bogons and translations are still refused
    }
    return new ForbiddenAddresses(addresses);
  }

  /** True when the helper must not connect to {@code ip} (an IP literal, no zone). */
  boolean forbids(String ip) {
    byte[] address = IpLiterals.bytes(ip);
    if (address == null) {
      return true;
    }
    if (Bogons.isBogon(ip) || own.contains(IpLiterals.format(address))) {
      return true;
    }
    if (address.length != 16) {
      return false;
    }
    if (startsWith(address, NAT64_LOCAL)) {
      return true;
    }
    if (startsWith(address, NAT64)) {
      return forbidsV4(Arrays.copyOfRange(address, 12, 16));
    }
    if (startsWith(address, SIX_TO_FOUR)) {
      return forbidsV4(Arrays.copyOfRange(address, 2, 6));
    }
    if (startsWith(address, TEREDO)) {
      byte[] client = Arrays.copyOfRange(address, 12, 16);
      for (int i = 0; i < client.length; i++) {
        client[i] ^= (byte) 0xff;
      }
      return forbidsV4(Arrays.copyOfRange(address, 4, 8)) || forbidsV4(client);
    }
    return false;
  }

  private boolean forbidsV4(byte[] v4) {
    String ip = IpLiterals.format(v4);
    return Bogons.isBogon(ip) || own.contains(ip);
  }

  private static boolean startsWith(byte[] address, byte[] prefix) {
    return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
  }
}
