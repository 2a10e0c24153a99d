package dev.msgprobe.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * An IP address literal with an optional port: {@code 192.0.2.1}, {@code 192.0.2.1:443},
 * {@code 2001:db8::1}, {@code [2001:db8::1]} or {@code [2001:db8::1]:443}. {@link #ip()} is the
 * address as written, without brackets; {@link #port()} is {@value #NO_PORT} when none was given.
 * Parsing never consults a resolver: a string that is not a literal (a name, {@code 1.2.3},
 * {@code 1.2.3.4.}, an IPv6 address with a zone id) is rejected, never looked up. This is the one
 * place that splits and joins {@code ip:port} and puts brackets around IPv6.
 */
public record IpEndpoint(String ip, int port) {
  public static final int NO_PORT = -1;

  /** @throws IllegalArgumentException when {@code ip} is not a literal or {@code port} is outside 0-65535 (or {@value #NO_PORT}) */
  public IpEndpoint {
    if (ip == null || ip.startsWith("[") || !IpLiterals.isLiteral(ip)) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    if (port != NO_PORT && (port < 0 || port > 65_535)) {
      throw new IllegalArgumentException("port out of range (0-65535): " + port);
    }
  }

  /**
   * {@code IP}, {@code IPv4:PORT}, {@code IPv6}, {@code [IPv6]} or {@code [IPv6]:PORT}.
   *
   * @throws IllegalArgumentException with a message for the user naming {@code text}
   */
  public static IpEndpoint parse(String text) {
    Split split = split(text);
    if (split == null || !IpLiterals.isLiteral(split.host) || split.host.startsWith("[")) {
      throw new IllegalArgumentException("expected an IP address with an optional port, got '" + text + "'");
    }
    int port = NO_PORT;
    if (split.port != null) {
      port = portNumber(split.port);
      if (port < 0) {
        throw new IllegalArgumentException("bad port in '" + text + "'");
      }
    }
    return new IpEndpoint(split.host, port);
  }

  /** {@link #parse}, or empty when {@code text} is not of that form. */
  public static Optional<IpEndpoint> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean hasPort() {
    return port != NO_PORT;
  }

  /** This endpoint, with {@code port} when it has none. */
  public IpEndpoint orPort(int port) {
    return hasPort() ? this : new IpEndpoint(ip, port);
  }

  /** The address, built from its bytes: no name lookup, reverse or forward. */
  public InetAddress address() {
    return IpLiterals.parse(ip);
  }

  /** @throws IllegalStateException when there is no port */
  public InetSocketAddress socketAddress() {
    if (!hasPort()) {
      throw new IllegalStateException("no port in " + this);
    }
    return new InetSocketAddress(address(), port);
  }

  /** {@code ip:port} (brackets around IPv6), or the bracketed address alone when there is no port. */
  @Override
  public String toString() {
    return hasPort() ? join(ip, port) : bracketed(ip);
  }

  /** {@code host:port}, brackets around an IPv6 host (Go's {@code net.JoinHostPort}); a name is written as is. */
  public static String join(String host, int port) {
    return join(host, Integer.toString(port));
  }

  /** {@link #join(String, int)} with the port as text. */
  public static String join(String host, String port) {
    return bracketed(host) + ":" + port;
  }

  /** {@code host} in brackets when it is IPv6 (contains ':'), as in a URL or an address; unchanged otherwise or when already bracketed. */
  public static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code host} without the brackets around it, if any. */
  public static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /**
   * The host of {@code host:port} or {@code [host]:port}, as written and without brackets; null when
   * {@code address} has no port or more than one unbracketed colon (Go's {@code net.SplitHostPort}).
   * The host is not checked: it may be a name.
   */
  public static String hostOf(String address) {
    Split split = address == null ? null : split(address);
    return split == null || split.port == null ? null : split.host;
  }

  /** The host of {@code host:port} or {@code [host]:port} as {@link #hostOf}; {@code address} itself, unbracketed, when it has no port. */
  public static String ipOf(String address) {
    if (address == null) {
      return null;
    }
    String host = hostOf(address);
    return host != null ? host : unbracketed(address);
  }

  /** The port of {@code host:port} or {@code [host]:port}; {@value #NO_PORT} when there is none or it is not a port number. */
  public static int portOf(String address) {
    Split split = address == null ? null : split(address);
    return split == null || split.port == null ? NO_PORT : portNumber(split.port);
  }

  /** 0-65535 written in at most five digits, or {@value #NO_PORT}. */
  public static int portNumber(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return NO_PORT;
    }
    int port = Integer.parseInt(text);
    return port > 65_535 ? NO_PORT : port;
  }

  /** Host (no brackets) and port text (null when none); null when the brackets do not close or are followed by other than ':'. */
  private static Split split(String text) {
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return null;
      }
      String after = text.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return null;
      }
      return new Split(text.substring(1, close), after.isEmpty() ? null : after.substring(1));
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && colon == text.lastIndexOf(':')) {
      return new Split(text.substring(0, colon), text.substring(colon + 1));
    }
    return new Split(text, null);
  }

  private record Split(String host, String port) {}
}
