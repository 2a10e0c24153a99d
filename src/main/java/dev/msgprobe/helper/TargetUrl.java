package dev.msgprobe.helper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The parts of a test-helper request's {@code http_request} that plan the measurement: the scheme
 * (lower case), the host (no brackets around IPv6) and the port written in the URL (null when none).
 * Any scheme parses; only http and https get endpoints and a fetch.
 */
record TargetUrl(String url, String scheme, String host, String explicitPort) {

  /** @throws IllegalArgumentException when {@code url} is not an absolute URL with a host */
  static TargetUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("not a URL: " + url);
    }
    String authority = uri.getRawAuthority();
    if (uri.getScheme() == null || authority == null) {
      throw new IllegalArgumentException("not an absolute URL with a host: " + url);
    }
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    String port = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("bad IPv6 host in " + url);
      }
      host = hostPort.substring(1, close);
      port = hostPort.startsWith(":", close + 1) ? hostPort.substring(close + 2) : null;
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (port != null && port.isEmpty()) {
      port = null;
    }
    if (host.isEmpty() || port != null && !validPort(port)) {
      throw new IllegalArgumentException("bad host or port in " + url);
    }
    return new TargetUrl(url, uri.getScheme().toLowerCase(Locale.ROOT), host, port);
  }

  private static boolean validPort(String port) {
    return port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65_535;
  }
}
