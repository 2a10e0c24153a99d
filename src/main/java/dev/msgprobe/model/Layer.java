package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The layer at which an endpoint failed (docs/contract/report.md#verdict); a reachable endpoint has none. */
public enum Layer {
  DNS, TCP, TLS, HTTP, QUIC, UDP;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
