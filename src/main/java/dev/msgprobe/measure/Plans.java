package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.trace.Trace;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One plan per scheme (docs/contract/lists.md#schemes), each a short sequence of {@link Steps}; a step that yields nothing ends the plan. */
final class Plans {
  private final Steps steps;

  private Plans(Steps steps) {
    this.steps = steps;
  }

  /** The plan of each scheme; a scheme without a plan fails here, when the measurer is built. */
  static Map<Scheme, Plan> bySchemes(Steps steps, UdpSteps udp) {
    Plans p = new Plans(steps);
    Map<Scheme, Plan> plans = new EnumMap<>(Scheme.class);
    for (Scheme s : Scheme.values()) {
      plans.put(s, switch (s) {
        case DNS -> steps::resolveOnly;
        case TCP -> p::tcp;
        case TLS -> p::tls;
        case HTTPS -> p::https;
        case HTTP -> p::http;
        case WSS -> p::wss;
        case QUIC -> udp::quic;
        case STUN -> udp::stun;
      });
    }
    return plans;
  }

  /** DNS, then a TCP connect to each address. */
  private void tcp(Endpoint e, Trace trace) {
    Steps.close(steps.connect(e, trace));
  }

  /** DNS, TCP, the TLS handshake with its differentials, the transfer. */
  private void tls(Endpoint e, Trace trace) {
    overTls(e, trace, Steps.ALPN_WEB, Steps::close);
  }

  /** DNS, TCP, TLS with its differentials, the request and its redirects, the transfer. */
  private void https(Endpoint e, Trace trace) {
    overTls(e, trace, Steps.ALPN_WEB, tls -> {
      Steps.close(tls);
      steps.http(e, tls.target(), trace);
    });
  }

  /** DNS (unless an IP), TCP, the request and its redirects, the transfer. */
  private void http(Endpoint e, Trace trace) {
    Steps.Connection tcp = steps.connect(e, trace);
    if (tcp != null) {
      Steps.close(tcp);
      steps.http(e, tcp.target(), trace);
      steps.throughput(e, tcp.target(), trace);
    }
  }

  /** DNS, TCP, TLS offering only http/1.1, the WebSocket upgrade on that connection, the transfer. */
  private void wss(Endpoint e, Trace trace) {
    overTls(e, trace, Steps.ALPN_HTTP1, tls -> steps.webSocket(e, tls, trace));
  }

  /** DNS, TCP and TLS; then {@code onTls} with the TLS connection (which it must close), then the transfer. */
  private void overTls(Endpoint e, Trace trace, List<String> alpn, Consumer<Steps.Connection> onTls) {
    Steps.Connection tls = steps.secure(e, alpn, trace);
    if (tls != null) {
      onTls.accept(tls);
      steps.throughput(e, tls.target(), trace);
    }
  }
}
