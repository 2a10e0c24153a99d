package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The status of a service or of one of its functions in the run summary (docs/contract/summary.md): the
 * endpoint statuses plus {@code partially_blocked}, written in lower case.
 */
public enum ServiceStatus {
  REACHABLE, BLOCKED, PARTIALLY_BLOCKED, THROTTLED, DOWN, INCONCLUSIVE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The service status of the same name as an endpoint status; null for null. */
  public static ServiceStatus of(Status status) {
    return status == null ? null : valueOf(status.name());
  }

  /** The status named {@code wire}; null for a name this version does not know (a newer report stays readable). */
  @JsonCreator
  public static ServiceStatus fromWire(String wire) {
    return WireNames.lookup(values(), ServiceStatus::wire, wire);
  }
}
