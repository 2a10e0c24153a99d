package dev.msgprobe.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A service's or function's state in one run: its status (reachable, blocked, partially_blocked,
 * throttled, down, inconclusive) and the method seen most often among its endpoints that were not
 * reachable (null when every endpoint was).
 */
@JsonPropertyOrder({"status", "method"})
public record State(@JsonProperty("status") String status, @JsonProperty("method") String method) {
  /** How a change is told: the method when there is one, else the status. */
  public String label() {
    if ("reachable".equals(status) || method == null) {
      return status;
    }
    return method;
  }
}
