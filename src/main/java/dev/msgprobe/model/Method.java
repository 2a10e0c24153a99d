package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The verdict method vocabulary of docs/contract/report.md#method; {@link #layer()} is the layer it belongs to. */
public enum Method {
  OK("ok", null),
  DNS_NXDOMAIN("dns.nxdomain", Layer.DNS),
  DNS_NO_ANSWER("dns.no_answer", Layer.DNS),
  DNS_BOGON("dns.bogon", Layer.DNS),
  DNS_SINKHOLE("dns.sinkhole", Layer.DNS),
  DNS_INCONSISTENT("dns.inconsistent", Layer.DNS),
  DNS_INJECTION("dns.injection", Layer.DNS),
  DNS_FAILURE("dns.failure", Layer.DNS),
  TCP_TIMEOUT("tcp.timeout", Layer.TCP),
  TCP_REFUSED("tcp.refused", Layer.TCP),
  TCP_RESET("tcp.reset", Layer.TCP),
  TCP_STALL("tcp.stall", Layer.TCP),
  TCP_THROTTLE("tcp.throttle", Layer.TCP),
  TLS_RESET("tls.reset", Layer.TLS),
  TLS_TIMEOUT("tls.timeout", Layer.TLS),
  TLS_EOF("tls.eof", Layer.TLS),
  TLS_CERT_INVALID("tls.cert_invalid", Layer.TLS),
  HTTP_BLOCKPAGE("http.blockpage", Layer.HTTP),
  HTTP_RESET("http.reset", Layer.HTTP),
  HTTP_TIMEOUT("http.timeout", Layer.HTTP),
  HTTP_EOF("http.eof", Layer.HTTP),
  HTTP_DIFF("http.diff", Layer.HTTP),
  QUIC_TIMEOUT("quic.timeout", Layer.QUIC),
  UDP_TIMEOUT("udp.timeout", Layer.UDP);

  private final String wire;
  private final Layer layer;

  Method(String wire, Layer layer) {
    this.wire = wire;
    this.layer = layer;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public Layer layer() {
    return layer;
  }

  /**
   * The method named {@code wire}; null for a name this version does not know (a report written by a
   * newer msgprobe stays readable, its verdict method unknown).
   */
  @JsonCreator
  public static Method fromWire(String wire) {
    for (Method m : values()) {
      if (m.wire.equals(wire)) {
        return m;
      }
    }
    return null;
  }
}
