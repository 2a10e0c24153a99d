package dev.msgprobe.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a report: OONI's base envelope (df-000-base) around msgprobe's {@link TestKeys}.
 * Times are UTC strings {@code yyyy-MM-dd HH:mm:ss}; {@code probe_ip} is always 127.0.0.1.
 */
@JsonPropertyOrder({"annotations", "data_format_version", "extensions", "input", "measurement_start_time",
    "probe_asn", "probe_cc", "probe_ip", "probe_network_name", "report_id", "resolver_asn", "resolver_ip",
    "resolver_network_name", "software_name", "software_version", "test_keys", "test_name", "test_runtime",
    "test_start_time", "test_version"})
public record Measurement(
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("data_format_version") String dataFormatVersion,
    @JsonProperty("extensions") Map<String, Integer> extensions,
    @JsonProperty("input") String input,
    @JsonProperty("measurement_start_time") String measurementStartTime,
    @JsonProperty("probe_asn") String probeAsn,
    @JsonProperty("probe_cc") String probeCc,
    @JsonProperty("probe_ip") String probeIp,
    @JsonProperty("probe_network_name") String probeNetworkName,
    @JsonProperty("report_id") String reportId,
    @JsonProperty("resolver_asn") String resolverAsn,
    @JsonProperty("resolver_ip") String resolverIp,
    @JsonProperty("resolver_network_name") String resolverNetworkName,
    @JsonProperty("software_name") String softwareName,
    @JsonProperty("software_version") String softwareVersion,
    @JsonProperty("test_keys") TestKeys testKeys,
    @JsonProperty("test_name") String testName,
    @JsonProperty("test_runtime") double testRuntime,
    @JsonProperty("test_start_time") String testStartTime,
    @JsonProperty("test_version") String testVersion) {

  public static final String DATA_FORMAT_VERSION = "0.2.0";
  public static final String TEST_NAME = "msgprobe_endpoint";
  public static final String PROBE_IP = "127.0.0.1";

  public String annotation(String key) {
    return annotations == null ? null : annotations.get(key);
  }

  /** This measurement with annotation {@code key} set to {@code value}, kept in order. */
  public Measurement withAnnotation(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(annotations == null ? Map.of() : annotations);
    more.put(key, value);
    return new Measurement(more, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc, probeIp,
        probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName, softwareVersion,
        testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement with another input. */
  public Measurement withInput(String input) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement started at another time. */
  public Measurement withMeasurementStartTime(String measurementStartTime) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement with another probe IP. */
  public Measurement withProbeIp(String probeIp) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement seen from another probe network. */
  public Measurement withProbeNetwork(String probeAsn, String probeCc, String probeNetworkName) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement with another resolver's network. */
  public Measurement withResolverNetwork(String resolverAsn, String resolverIp, String resolverNetworkName) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement in another report. */
  public Measurement withReportId(String reportId) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement made by another software version. */
  public Measurement withSoftware(String softwareName, String softwareVersion) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement with other test keys. */
  public Measurement withTestKeys(TestKeys testKeys) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }

  /** This measurement in a run that started at another time. */
  public Measurement withTestStartTime(String testStartTime) {
    return new Measurement(annotations, dataFormatVersion, extensions, input, measurementStartTime, probeAsn, probeCc,
        probeIp, probeNetworkName, reportId, resolverAsn, resolverIp, resolverNetworkName, softwareName,
        softwareVersion, testKeys, testName, testRuntime, testStartTime, testVersion);
  }
}
