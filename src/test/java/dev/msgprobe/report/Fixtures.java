package dev.msgprobe.report;

import dev.msgprobe.model.BinaryData;
import dev.msgprobe.model.Body;
import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.DnsAnswer;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.HttpRequest;
import dev.msgprobe.model.HttpResponse;
import dev.msgprobe.model.HttpTransaction;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.NetworkEvent;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.TcpConnect;
import dev.msgprobe.model.TcpStatus;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.TlsHandshake;
import dev.msgprobe.model.Transfer;
import dev.msgprobe.model.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Canned measurements and summaries for report tests. */
final class Fixtures {
  /** A documentation address (RFC 5737) standing in for the probe's public IPv4 address. */
  static final String PROBE_IP = "203.0.113.7";

  private Fixtures() {}

  /** A blocked https endpoint with every template filled, a binary response body and the probe IP in places. */
  static Measurement blockedWeb() {
    DnsQuery query = new DnsQuery(List.of(DnsAnswer.a("157.240.1.53", 300)), "udp", null, "web.whatsapp.com", "A",
        BinaryData.of(new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80}), 0, "10.0.0.1:53", null, null,
        0.000012, 0.031245, List.of("system"), 1);
    DnsQuery doh = new DnsQuery(null, "doh", "generic_timeout_error", "web.whatsapp.com", "A", null, null,
        "https://1.1.1.1/dns-query", null, null, 0.000015, 5.0, List.of("doh"), 2);
    TcpConnect connect = new TcpConnect("157.240.1.53", 443, TcpStatus.of(null), 0.032, 0.081, List.of(), 3);
    TlsHandshake reset = new TlsHandshake("tcp", "157.240.1.53:443", null, "connection_reset", null, false,
        List.of(), "web.whatsapp.com", 0.081, 0.112, List.of(), null, 3);
    TlsHandshake decoy = new TlsHandshake("tcp", "157.240.1.53:443", "TLS_AES_128_GCM_SHA256", null, "h2", false,
        List.of(BinaryData.of(new byte[] {0x30, (byte) 0x82, 0x01, 0x0a})), "example.com", 0.2, 0.29,
        List.of("decoy-sni"), "TLSv1.3", 4);
    HttpRequest request = new HttpRequest(Body.EMPTY, false, List.of(List.of("Host", "web.whatsapp.com")),
        Map.of("Host", "web.whatsapp.com"), "GET", HttpRequest.Tor.NONE, "tcp", "https://web.whatsapp.com/");
    HttpResponse response = new HttpResponse(Body.of(new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff}), false,
        200, List.of(List.of("X-Client-Ip", PROBE_IP)), Map.of("X-Client-Ip", PROBE_IP));
    HttpTransaction transaction = new HttpTransaction("tcp", "157.240.1.53:443", "h2", null, request, response,
        0.3, 0.45, List.of("decoy-sni"), 5);
    NetworkEvent event = new NetworkEvent("157.240.1.53:443", null, 517L, "write", "tcp", 0.081, 0.0815,
        List.of(), 3);
    Transfer transfer = new Transfer("157.240.1.53:443", "web.whatsapp.com", "download", 1_048_576, 16_384, 3.5,
        37.45, true, "generic_timeout_error", 0.5, 4.0, List.of("throughput"), 6);
    Verdict verdict = Verdict.of(Status.BLOCKED, Method.TLS_RESET, true, Confidence.HIGH, List.of(
        "ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms",
        "the same address completed a handshake with SNI example.com",
        "the server saw the probe as " + PROBE_IP));
    TestKeys keys = new TestKeys("redirect", null, null, List.of(query, doh), List.of(connect), List.of(reset, decoy),
        List.of(transaction), List.of(event), List.of(transfer), verdict);
    return measurement("https://web.whatsapp.com/", "whatsapp", "web", keys);
  }

  /** A minimal measurement of {@code input} with a verdict (null status means no verdict). */
  static Measurement simple(String input, String service, Status status, Method method, String evidence) {
    Verdict verdict = status == null ? null
        : new Verdict(status, method.layer(), method, null, Confidence.HIGH, List.of(evidence));
    TestKeys keys = new TestKeys("redirect", null, null, null, null, null, null, null, null, verdict);
    return measurement(input, service, "chat", keys);
  }

  static Measurement measurement(String input, String service, String function, TestKeys keys) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("service", service);
    annotations.put("function", function);
    annotations.put("list", service);
    annotations.put("platform", "linux");
    return new Measurement(annotations, Measurement.DATA_FORMAT_VERSION,
        Map.of("dnst", 0), input, "2026-11-28 10:15:03", "AS12389", "RU", PROBE_IP, "Rostelecom",
        "20261128T101502Z_msgprobeendpoint_RU_12389_n1_jwFo3mIUDj120GFH", "AS12389", "10.0.0.1", "Rostelecom",
        "msgprobe", "0.1.0", keys, Measurement.TEST_NAME, 0.45, "2026-11-28 10:15:02", "0.1.0");
  }

  static Measurement withAnnotation(Measurement m, String key, String value) {
    return m.withAnnotation(key, value);
  }


  /** Three services (blocked, partially blocked, reachable) in an allowlist network with controls. */
  static RunSummary summary() {
    Map<String, ServiceSummary> services = new LinkedHashMap<>();
    services.put("whatsapp", new ServiceSummary("blocked", 35,
        ordered("reachable", 0, "blocked", 33, "throttled", 0, "down", 2, "inconclusive", 0),
        ordered("tls.reset", 18, "tcp.timeout", 15, "tcp.refused", 2, "dns.nxdomain", 1),
        orderedText("chat", "blocked", "web", "blocked", "registration", "blocked", "media", "blocked"),
        orderedObjects("whatsapp_endpoints_status", "blocked", "registration_server_status", "blocked",
            "whatsapp_web_status", "blocked")));
    services.put("telegram", new ServiceSummary("partially_blocked", 12,
        ordered("reachable", 9, "blocked", 2, "throttled", 1, "down", 0, "inconclusive", 0),
        ordered("tcp.timeout", 2, "tcp.throttle", 1),
        orderedText("chat", "partially_blocked", "web", "throttled"),
        orderedObjects("telegram_tcp_blocking", false, "telegram_web_status", "ok", "telegram_web_failure", null)));
    services.put("max", new ServiceSummary("reachable", 4,
        ordered("reachable", 4, "blocked", 0, "throttled", 0, "down", 0, "inconclusive", 0),
        Map.of(), orderedText("chat", "reachable"), Map.of()));
    return new RunSummary("msgprobe", "0.1.0", "reports/msgprobe-20261128T101502Z.jsonl", "AS12389", "RU",
        "2026-11-28 10:15:02", 83.25, "allowlist",
        orderedText("https://ya.ru/", "reachable", "https://example.com/", "blocked"), services);
  }

  private static Map<String, Integer> ordered(Object... kv) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return map;
  }

  private static Map<String, String> orderedText(String... kv) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> orderedObjects(Object... kv) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }
}
