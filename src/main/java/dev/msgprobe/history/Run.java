package dev.msgprobe.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One run (one report id) as the history shows it: when it started (its earliest measurement, UTC
 * {@code yyyy-MM-dd HH:mm:ss}), where it was measured, its network mode, and each service measured.
 */
@JsonPropertyOrder({"report_id", "started", "probe_asn", "probe_cc", "network_mode", "endpoints", "services"})
public record Run(@JsonProperty("report_id") String reportId, @JsonProperty("started") String started,
    @JsonProperty("probe_asn") String probeAsn, @JsonProperty("probe_cc") String probeCc,
    @JsonProperty("network_mode") String networkMode, @JsonProperty("endpoints") int endpoints,
    @JsonProperty("services") Map<String, ServiceRun> services) {
  public Run {
    services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
  }

  /** The day of the run, {@code yyyy-MM-dd}. */
  public String day() {
    return started == null || started.length() < 10 ? "" : started.substring(0, 10);
  }
}
