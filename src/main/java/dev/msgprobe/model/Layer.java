package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The layer at which an endpoint failed (SPEC §3); a reachable endpoint has none. */
public enum Layer {
  DNS, TCP, TLS, HTTP, QUIC, UDP;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
