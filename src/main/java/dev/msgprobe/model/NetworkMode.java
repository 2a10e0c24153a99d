package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the run's controls say about the probe's own network (docs/contract/summary.md), written in lower case. */
public enum NetworkMode {
  NORMAL, ALLOWLIST, OFFLINE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code wire}; null for a name this version does not know (a newer report stays readable). */
  @JsonCreator
  public static NetworkMode fromWire(String wire) {
    return WireNames.lookup(values(), NetworkMode::wire, wire);
  }
}
