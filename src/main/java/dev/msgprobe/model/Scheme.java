package dev.msgprobe.model;

import java.util.Locale;

/**
 * The endpoint URI schemes msgprobe measures (docs/contract/lists.md#schemes), one line each: the
 * default port (-1: the URI must name one), whether a TLS handshake runs, and what request goes over
 * the connection. Adding a scheme is a line here and a plan in {@code measure.Plans}.
 */
public enum Scheme {
  HTTPS(443, true, Request.HTTP),
  HTTP(80, false, Request.HTTP),
  TLS(443, true, Request.NONE),
  TCP(-1, false, Request.NONE),
  WSS(443, true, Request.WEBSOCKET),
  DNS(53, false, Request.NONE),
  /** A QUIC v1 handshake (TLS 1.3 inside QUIC, not a TCP TLS handshake: {@link #usesTls()} is false). */
  QUIC(443, false, Request.NONE),
  /** A STUN Binding Request over UDP. */
  STUN(3478, false, Request.NONE);

  /** What an endpoint of the scheme sends after connecting. */
  public enum Request {
    /** Nothing: the handshake or connect is the test. */
    NONE,
    /** An HTTP request with the list's method, following redirects. */
    HTTP,
    /** A WebSocket upgrade ({@code GET}). */
    WEBSOCKET
  }

  private final int defaultPort;
  private final boolean tls;
  private final Request request;

  Scheme(int defaultPort, boolean tls, Request request) {
    this.defaultPort = defaultPort;
    this.tls = tls;
    this.request = request;
  }

  /** The lower-case name written in URIs and reports. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The port when the URI names none; -1 when it must name one. */
  public int defaultPort() {
    return defaultPort;
  }

  public boolean usesTls() {
    return tls;
  }

  public Request request() {
    return request;
  }

  /** True when the URI may carry a path and query (the schemes that send a request). */
  public boolean hasPath() {
    return request != Request.NONE;
  }

  /** The scheme named {@code name} in any case; null for one msgprobe does not measure. */
  public static Scheme fromWire(String name) {
    return name == null ? null : WireNames.lookup(values(), Scheme::wire, name.toLowerCase(Locale.ROOT));
  }
}
