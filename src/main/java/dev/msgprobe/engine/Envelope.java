package dev.msgprobe.engine;

import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.report.ReportIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wraps one endpoint's test keys in OONI's base envelope. Fixed per run: report id, test start time,
 * probe and resolver identity, software version.
 */
public final class Envelope {
  static final String TEST_VERSION = "0.1.0";
  private static final Map<String, Integer> EXTENSIONS =
      Map.of("dnst", 0, "httpt", 0, "netevents", 0, "tcpconnect", 0, "tlshandshake", 0);

  private final String reportId;
  private final String testStartTime;
  private final NetworkOwner probe;
  private final String resolverIp;
  private final NetworkOwner resolver;
  private final String resolverUnderTest;
  private final String softwareVersion;

  /**
   * @param probe the probe's network: {@code probe_asn}, {@code probe_cc}, {@code probe_network_name}
   * @param resolverIp the resolver that really answers (learnt by resolver echo), OONI's {@code resolver_ip}
   * @param resolver its network: {@code resolver_asn}, {@code resolver_network_name}
   * @param resolverUnderTest the resolver the probe asked ({@code --resolver}), annotation {@code resolver_under_test}
   */
  public Envelope(String reportId, Instant testStart, NetworkOwner probe, String resolverIp, NetworkOwner resolver,
      String resolverUnderTest, String softwareVersion) {
    this.reportId = reportId;
    this.testStartTime = ReportIds.ooniTime(testStart);
    this.probe = probe;
    this.resolverIp = resolverIp;
    this.resolver = resolver;
    this.resolverUnderTest = resolverUnderTest;
    this.softwareVersion = softwareVersion;
  }

  public String testStartTime() {
    return testStartTime;
  }

  public Measurement wrap(Endpoint e, TestKeys keys, Instant start, double runtimeSeconds) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("architecture", System.getProperty("os.arch", "unknown"));
    annotations.put("engine_name", "msgprobe");
    annotations.put("engine_version", softwareVersion);
    annotations.put("function", e.function());
    annotations.put("list", e.list());
    annotations.put("platform", platform());
    annotations.put("resolver_under_test", resolverUnderTest);
    annotations.put("service", e.service());
    putIfPresent(annotations, "method", e.method());
    putIfPresent(annotations, "category_code", e.categoryCode());
    putIfPresent(annotations, "source", e.source());
    return new Measurement(annotations, Measurement.DATA_FORMAT_VERSION, new java.util.TreeMap<>(EXTENSIONS),
        e.url(), ReportIds.ooniTime(start), probe.asnLabel(), probe.countryLabel(), Measurement.PROBE_IP,
        probe.organisation(), reportId, resolver.asnLabel(), resolverIp, resolver.organisation(), "msgprobe", softwareVersion, keys, Measurement.TEST_NAME,
        Math.round(runtimeSeconds * 1_000_000) / 1_000_000.0, testStartTime, TEST_VERSION);
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }

  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("linux")) {
      return "linux";
    }
    if (os.contains("mac")) {
      return "macos";
    }
    if (os.contains("win")) {
      return "windows";
    }
    return os.isEmpty() ? "unknown" : os;
  }
}
