package dev.msgprobe.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The probe's own public addresses as far as its interfaces show them (a host with a public address
 * and no NAT). Reports scrub them; private, loopback and link-local addresses say nothing about the
 * volunteer and are kept.
 */
public final class LocalAddresses {
  private LocalAddresses() {}

  public static Set<String> publicOnes() {
    Set<String> found = new TreeSet<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (isPublic(a)) {
            String text = a.getHostAddress();
            int zone = text.indexOf('%');
            found.add(zone >= 0 ? text.substring(0, zone) : text);
          }
        }
      }
    } catch (SocketException e) {
      return Set.of();
    }
    return found;
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) != 0xfc;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    boolean cgnat = first == 100 && second >= 64 && second < 128;
    return !cgnat && first != 0 && first < 224;
  }
}
