package dev.msgprobe.cli;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.net.IpEndpoint;
import java.net.InetSocketAddress;

/** Parsing {@code HOST:PORT} and {@code IP[:PORT]} option values; IPv6 hosts are written in brackets when a port follows. */
final class HostPort {
  private HostPort() {}

  /**
   * {@code HOST:PORT} (port 0 = any free port), split at the last colon; the host may be a name, which is resolved.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static InetSocketAddress listen(String value, Texts texts) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(texts.get("hostPort.expected", value));
    }
    String host = IpEndpoint.unbracketed(value.substring(0, colon));
    int port = IpEndpoint.portNumber(value.substring(colon + 1));
    if (port == IpEndpoint.NO_PORT) {
      throw new IllegalArgumentException(texts.get("hostPort.badPort", value));
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(texts.get("hostPort.unknownHost", host));
    }
    return address;
  }

  /** The host of a valid {@code HOST:PORT} as written, IPv6 in brackets: for a URL. */
  static String urlHost(String listen) {
    return IpEndpoint.bracketed(listen.substring(0, listen.lastIndexOf(':')));
  }

  /**
   * {@code IP[:PORT]} with {@code defaultPort} when none is given; never resolves a name.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static InetSocketAddress ip(String value, int defaultPort) {
    return IpEndpoint.parse(value).orPort(defaultPort).socketAddress();
  }
}
