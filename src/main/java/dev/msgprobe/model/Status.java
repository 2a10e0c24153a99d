package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An endpoint's verdict status (docs/contract/report.md#status). */
public enum Status {
  REACHABLE, BLOCKED, THROTTLED, DOWN, INCONCLUSIVE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The status named {@code wire}; null for a name this version does not know (a newer report stays readable). */
  @JsonCreator
  public static Status fromWire(String wire) {
    return WireNames.lookup(values(), Status::wire, wire);
  }
}
