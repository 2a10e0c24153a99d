package dev.msgprobe.report;

import dev.msgprobe.model.Method;
import java.util.EnumMap;
import java.util.Map;

/** Each verdict method in plain words, for the legends of the HTML pages. */
public final class MethodWords {
  private static final Map<Method, String> WORDS = new EnumMap<>(Method.class);

  static {
    WORDS.put(Method.OK, "it worked");
    WORDS.put(Method.DNS_NXDOMAIN, "the resolver says the name does not exist, though trusted resolvers know it");
    WORDS.put(Method.DNS_NO_ANSWER, "the resolver answers with no address, though trusted resolvers have one");
    WORDS.put(Method.DNS_BOGON, "the resolver answers an unusable address (0.0.0.0, loopback, private)");
    WORDS.put(Method.DNS_SINKHOLE, "the resolver answers the address of a known block page or stub");
    WORDS.put(Method.DNS_INCONSISTENT, "the resolver's addresses differ from the trusted ones and fail the site's certificate");
    WORDS.put(Method.DNS_INJECTION, "a forged DNS answer: over UDP it differs from the same resolver's answer over TCP");
    WORDS.put(Method.DNS_FAILURE, "the resolver fails (timeout, SERVFAIL, REFUSED) for this name only");
    WORDS.put(Method.TCP_TIMEOUT, "connecting gets no answer: the packets are dropped");
    WORDS.put(Method.TCP_REFUSED, "the connection is refused");
    WORDS.put(Method.TCP_RESET, "the connection is reset");
    WORDS.put(Method.TCP_STALL, "the connection freezes after a few kilobytes (the \"16 KB\" cut-off)");
    WORDS.put(Method.TCP_THROTTLE, "data flows, but far slower than the baseline");
    WORDS.put(Method.TLS_RESET, "the secure (TLS) handshake is cut by a reset, usually on the server name it shows");
    WORDS.put(Method.TLS_TIMEOUT, "the secure (TLS) handshake gets no answer");
    WORDS.put(Method.TLS_EOF, "the connection is closed during the secure (TLS) handshake");
    WORDS.put(Method.TLS_CERT_INVALID, "a certificate not valid for the name is presented: the connection is intercepted");
    WORDS.put(Method.HTTP_BLOCKPAGE, "a block page is served, or a redirect to one");
    WORDS.put(Method.HTTP_RESET, "the request is cut by a reset after the handshake");
    WORDS.put(Method.HTTP_TIMEOUT, "the request gets no answer after the handshake");
    WORDS.put(Method.HTTP_EOF, "the connection is closed after the request");
    WORDS.put(Method.HTTP_DIFF, "the answer differs from what the control vantage gets");
    WORDS.put(Method.QUIC_TIMEOUT, "QUIC (HTTP/3 over UDP) gets no answer while TCP and TLS to the same host work");
    WORDS.put(Method.UDP_TIMEOUT, "a UDP service (STUN, calls) stays silent while the UDP controls answer");
  }

  private MethodWords() {}

  /** The plain words for the method named {@code wire}; null for a name this version does not know. */
  public static String of(String wire) {
    Method m = Method.fromWire(wire);
    return m == null ? null : WORDS.get(m);
  }
}
