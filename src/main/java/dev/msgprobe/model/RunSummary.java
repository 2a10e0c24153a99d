package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The run summary ({@code <report>.summary.json}, docs/contract/summary.md). {@code network_mode} is a
 * {@link NetworkMode}; {@code controls} maps each control URL to its endpoint status;
 * {@code udp_mode} is normal | filtered (no STUN control answered while the TCP controls work);
 * {@code services} is keyed by service name in the order services were first measured;
 * {@code probe_location} says how the probe's network was learnt, or why it is unknown;
 * {@code by_network} (null for one network) holds the services of each {@code probe_asn} when reports from
 * several networks are read together; {@code parallelism} (absent when re-made from stored reports) says how
 * many endpoints the run measured at once and why.
 */
@JsonPropertyOrder({"software_name", "software_version", "report_file", "probe_asn", "probe_cc",
    "probe_network_name", "probe_location", "started", "runtime", "network_mode", "udp_mode", "controls", "services",
    "by_network", "parallelism"})
public record RunSummary(
    @JsonProperty("software_name") String softwareName,
    @JsonProperty("software_version") String softwareVersion,
    @JsonProperty("report_file") String reportFile,
    @JsonProperty("probe_asn") String probeAsn,
    @JsonProperty("probe_cc") String probeCc,
    @JsonProperty("started") String started,
    @JsonProperty("runtime") double runtime,
    @JsonProperty("network_mode") NetworkMode networkMode,
    @JsonProperty("controls") Map<String, Status> controls,
    @JsonProperty("services") Map<String, ServiceSummary> services,
    @JsonProperty("probe_network_name") String probeNetworkName,
    @JsonProperty("probe_location") String probeLocation,
    @JsonProperty("by_network") Map<String, Map<String, ServiceSummary>> byNetwork,
    @JsonProperty("udp_mode") String udpMode,
    @JsonProperty("parallelism") @JsonInclude(JsonInclude.Include.NON_NULL) Parallelism parallelism) {

  /** A summary without {@code parallelism} (re-made from stored reports, or a test's). */
  public RunSummary(String softwareName, String softwareVersion, String reportFile, String probeAsn, String probeCc,
      String started, double runtime, NetworkMode networkMode, Map<String, Status> controls,
      Map<String, ServiceSummary> services, String probeNetworkName, String probeLocation,
      Map<String, Map<String, ServiceSummary>> byNetwork, String udpMode) {
    this(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode, controls, services,
        probeNetworkName, probeLocation, byNetwork, udpMode, null);
  }

  /** This summary with {@code parallelism} recorded. */
  public RunSummary withParallelism(Parallelism parallelism) {
    return new RunSummary(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode,
        controls, services, probeNetworkName, probeLocation, byNetwork, udpMode, parallelism);
  }

  /** A summary of one network's run, or of several with {@code byNetwork}, with UDP working ({@code normal}). */
  public RunSummary(String softwareName, String softwareVersion, String reportFile, String probeAsn, String probeCc,
      String started, double runtime, NetworkMode networkMode, Map<String, Status> controls,
      Map<String, ServiceSummary> services, String probeNetworkName, String probeLocation,
      Map<String, Map<String, ServiceSummary>> byNetwork) {
    this(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode, controls, services,
        probeNetworkName, probeLocation, byNetwork, "normal");
  }

  /** A summary of one network's run. */
  public RunSummary(String softwareName, String softwareVersion, String reportFile, String probeAsn, String probeCc,
      String started, double runtime, NetworkMode networkMode, Map<String, Status> controls,
      Map<String, ServiceSummary> services, String probeNetworkName, String probeLocation) {
    this(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode, controls, services,
        probeNetworkName, probeLocation, null);
  }

  /** A summary that says nothing about how the probe's network was learnt. */
  public RunSummary(String softwareName, String softwareVersion, String reportFile, String probeAsn, String probeCc,
      String started, double runtime, NetworkMode networkMode, Map<String, Status> controls,
      Map<String, ServiceSummary> services) {
    this(softwareName, softwareVersion, reportFile, probeAsn, probeCc, started, runtime, networkMode, controls, services,
        null, null);
  }
}
