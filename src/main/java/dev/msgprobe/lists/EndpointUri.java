package dev.msgprobe.lists;

import dev.msgprobe.model.Scheme;
import dev.msgprobe.net.IpLiterals;
import java.net.IDN;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint URI taken apart: scheme lower-cased, host in lower-case ASCII (IDN converted, IPv6
 * without brackets), port explicit or the scheme's default, path with its query ("/" when absent;
 * the fragment is dropped, it is never sent).
 */
record EndpointUri(String scheme, String host, int port, String path) {
  static final List<String> SCHEMES = Arrays.stream(Scheme.values()).map(Scheme::wire).toList();

  private static final Pattern SCHEME_AND_REST = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)");
  private static final Pattern HOST_LIKE = Pattern.compile("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:[0-9]+)?(/.*)?");
  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9.]+");

  /** Thrown with a message that says what is wrong with the URI. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** True when {@code text} starts like {@code scheme://}, whatever the scheme. */
  static boolean looksLikeUri(String text) {
    return SCHEME_AND_REST.matcher(text.strip()).matches();
  }

  static EndpointUri parse(String url) throws Invalid {
    if (url.isEmpty()) {
      throw new Invalid("empty url");
    }
    if (url.chars().anyMatch(Character::isWhitespace)) {
      throw new Invalid("url '" + url + "' contains whitespace");
    }
    Matcher m = SCHEME_AND_REST.matcher(url);
    if (!m.matches()) {
      String example = HOST_LIKE.matcher(url).matches() ? "https://" + url : "https://example.com/";
      throw new Invalid("'" + url + "' is not a URI (expected scheme://host..., e.g. " + example + ")");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    Scheme known = Scheme.fromWire(scheme);
    if (known == null) {
      throw new Invalid("unsupported scheme '" + m.group(1) + "' (expected " + String.join(", ", SCHEMES) + ")");
    }
    String rest = m.group(2);
    int end = indexOfAny(rest, "/?#");
    String authority = rest.substring(0, end);
    String path = path(rest.substring(end));
    if (authority.contains("@")) {
      throw new Invalid("user info ('" + authority.substring(0, authority.lastIndexOf('@') + 1) + "') is not allowed in a url");
    }
    HostPort hp = HostPort.split(authority, scheme);
    int port = hp.port() >= 0 ? hp.port() : known.defaultPort();
    if (port < 0) {
      throw new Invalid(scheme + " needs a port, e.g. " + scheme + "://" + authority + ":443");
    }
    boolean address = hp.bracketed() || IPV4_LIKE.matcher(hp.host()).matches();
    String host = address ? address(hp.host(), hp.bracketed()) : hostName(hp.host());
    if (!known.hasPath() && !path.equals("/")) {
      throw new Invalid("a " + scheme + " url has no path or query ('" + rest.substring(end) + "')");
    }
    if (known == Scheme.QUIC && address) {
      throw new Invalid("quic needs a host name (it is sent as the SNI), not an address");
    }
    if (known == Scheme.DNS && address) {
      throw new Invalid("dns needs a host name, not an address");
    }
    return new EndpointUri(scheme, host, port, path);
  }

  private record HostPort(String host, int port, boolean bracketed) {
    static HostPort split(String authority, String scheme) throws Invalid {
      String host;
      String portText = null;
      boolean bracketed = authority.startsWith("[");
      if (bracketed) {
        int close = authority.indexOf(']');
        if (close < 0) {
          throw new Invalid("'[' without ']' around the IPv6 address");
        }
        host = authority.substring(1, close);
        String after = authority.substring(close + 1);
        if (after.startsWith(":")) {
          portText = after.substring(1);
        } else if (!after.isEmpty()) {
          throw new Invalid("unexpected '" + after + "' after the IPv6 address");
        }
      } else {
        int colon = authority.indexOf(':');
        if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
          throw new Invalid("an IPv6 address must be in brackets, e.g. " + scheme + "://[2001:db8::1]:443");
        }
        host = colon < 0 ? authority : authority.substring(0, colon);
        portText = colon < 0 ? null : authority.substring(colon + 1);
      }
      if (host.isEmpty()) {
        throw new Invalid("missing host");
      }
      return new HostPort(host, port(portText), bracketed);
    }

    private static int port(String text) throws Invalid {
      if (text == null) {
        return -1;
      }
      if (text.isEmpty()) {
        throw new Invalid("empty port after ':'");
      }
      if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new Invalid("port '" + text + "' is not a number");
      }
      int port = text.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(text);
      if (port < 1 || port > 65535) {
        throw new Invalid("port " + text + " out of range (1-65535)");
      }
      return port;
    }
  }

  private static String path(String rest) {
    int fragment = rest.indexOf('#');
    String path = fragment < 0 ? rest : rest.substring(0, fragment);
    if (path.isEmpty()) {
      return "/";
    }
    return path.startsWith("?") ? "/" + path : path;
  }

  private static String address(String text, boolean bracketed) throws Invalid {
    if (!bracketed) {
      if (!IpLiterals.isLiteral(text)) {
        throw new Invalid("bad IPv4 address '" + text + "'");
      }
      return text;
    }
    if (!text.contains(":") || !IpLiterals.isLiteral(text)) {
      throw new Invalid("bad IPv6 address '" + text + "'");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static String hostName(String text) throws Invalid {
    try {
      return HostNames.normalise(text);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
