package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The run summary ({@code <report>.summary.json}, docs/contract/summary.md). {@code network_mode} is
 * normal | allowlist | offline; {@code udp_mode} is normal | filtered (no STUN control answered while
 * the TCP controls work); {@code controls} maps each control URL to its endpoint status;
 * {@code services} is keyed by service name in the order services were first measured.
 */
@JsonPropertyOrder({"software_name", "software_version", "report_file", "probe_asn", "probe_cc", "started",
    "runtime", "network_mode", "udp_mode", "controls", "services"})
public record RunSummary(
    @JsonProperty("software_name") String softwareName,
    @JsonProperty("software_version") String softwareVersion,
    @JsonProperty("report_file") String reportFile,
    @JsonProperty("probe_asn") String probeAsn,
    @JsonProperty("probe_cc") String probeCc,
    @JsonProperty("started") String started,
    @JsonProperty("runtime") double runtime,
    @JsonProperty("network_mode") String networkMode,
    @JsonProperty("controls") Map<String, String> controls,
    @JsonProperty("services") Map<String, ServiceSummary> services,
    @JsonProperty("udp_mode") String udpMode) {

  /** A summary of a run without UDP controls: {@code udp_mode} is {@code normal}. */
  public RunSummary(String softwareName, String softwareVersion, String reportFile, String probeAsn, String probeCc,
      String started, double runtime, String networkMode, Map<String, String> controls,
      Map<String, ServiceSummary> services) {
    this(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode, controls,
        services, "normal");
  }
}
