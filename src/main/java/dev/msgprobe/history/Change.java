package dev.msgprobe.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What changed for a service (function null) or one of its functions between two consecutive runs
 * that measured it: its status, its method, or both. {@code at} is the start of the later run.
 */
@JsonPropertyOrder({"at", "report_id", "service", "function", "from", "to", "text"})
public record Change(@JsonProperty("at") String at, @JsonProperty("report_id") String reportId,
    @JsonProperty("service") String service, @JsonProperty("function") String function,
    @JsonProperty("from") State from, @JsonProperty("to") State to) {

  /** For example {@code whatsapp web: dns.nxdomain → tls.reset on 2026-03-02}. */
  @JsonProperty("text")
  public String text() {
    String what = function == null ? service : service + " " + function;
    String day = at == null || at.length() < 10 ? String.valueOf(at) : at.substring(0, 10);
    String fromText = from.label();
    String toText = to.label();
    if (fromText.equals(toText)) {
      fromText = from.status() + " (" + from.label() + ")";
      toText = to.status() + " (" + to.label() + ")";
    }
    return what + ": " + fromText + " \u2192 " + toText + " on " + day;
  }
}
