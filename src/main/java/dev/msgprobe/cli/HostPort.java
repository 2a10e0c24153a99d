package dev.msgprobe.cli;

import dev.msgprobe.net.Bogons;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parsing {@code HOST:PORT} and {@code IP[:PORT]} option values; IPv6 hosts are written in brackets when a port follows. */
final class HostPort {
  private HostPort() {}

  /**
   * {@code HOST:PORT} (port 0 = any free port); the host may be a name, which is resolved.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static InetSocketAddress listen(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + value + "'");
    }
    String host = unbracket(value.substring(0, colon));
    InetSocketAddress address = new InetSocketAddress(host, port(value.substring(colon + 1), value));
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unknown host '" + host + "'");
    }
    return address;
  }

  /** The host of a valid {@code HOST:PORT} as written, IPv6 in brackets: for a URL. */
  static String urlHost(String listen) {
    String host = listen.substring(0, listen.lastIndexOf(':'));
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * {@code IP[:PORT]} with {@code defaultPort} when none is given; never resolves a name.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static InetSocketAddress ip(String value, int defaultPort) {
    String host = value;
    int port = defaultPort;
    if (value.startsWith("[") && value.contains("]:")) {
      host = value.substring(0, value.indexOf("]:") + 1);
      port = port(value.substring(value.indexOf("]:") + 2), value);
    } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = port(value.substring(value.indexOf(':') + 1), value);
    }
    host = unbracket(host);
    if (!Bogons.isIpLiteral(host)) {
      throw new IllegalArgumentException("expected an IP address, got '" + value + "'");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("expected an IP address, got '" + value + "'");
    }
  }

  private static int port(String text, String value) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)
        || Integer.parseInt(text) > 65_535) {
      throw new IllegalArgumentException("bad port in '" + value + "'");
    }
    return Integer.parseInt(text);
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
