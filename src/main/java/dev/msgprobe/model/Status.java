package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** An endpoint's verdict status (docs/contract/report.md#status). */
public enum Status {
  REACHABLE, BLOCKED, THROTTLED, DOWN, INCONCLUSIVE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
