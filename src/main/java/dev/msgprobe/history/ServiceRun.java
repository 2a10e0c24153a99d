package dev.msgprobe.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One service in one run: its own state and each function's, functions in order of first appearance. */
@JsonPropertyOrder({"status", "method", "functions"})
public record ServiceRun(@JsonProperty("status") String status, @JsonProperty("method") String method,
    @JsonProperty("functions") Map<String, State> functions) {
  public ServiceRun {
    functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
  }

  public State state() {
    return new State(status, method);
  }
}
