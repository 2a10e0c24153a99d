package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** An endpoint's verdict status (SPEC §3). */
public enum Status {
  REACHABLE, BLOCKED, THROTTLED, DOWN, INCONCLUSIVE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
