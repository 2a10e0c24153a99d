package dev.msgprobe.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

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
}
