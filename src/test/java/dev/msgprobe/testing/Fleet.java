package dev.msgprobe.testing;

import static dev.msgprobe.testing.ReportLines.connect;
import static dev.msgprobe.testing.ReportLines.verdict;

import dev.msgprobe.model.Confidence;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synthetic runs for history and fleet tests: a probe measuring WhatsApp, Telegram and MAX once a day,
 * where WhatsApp's web endpoint goes from reachable to blocked by DNS (NXDOMAIN) and then by TLS
 * resets, Telegram's data centres get throttled for a few days, and MAX stays reachable.
 */
public final class Fleet {
  private static final DateTimeFormatter OONI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Fleet() {}

  /** Run {@code day} (0-based) of the scenario, starting 2026-03-01 10:00 UTC, from {@code asn}/{@code cc}. */
  public static List<Measurement> run(int day, String asn, String cc) {
    LocalDateTime start = LocalDateTime.of(2026, 3, 1, 10, 0).plusDays(day);
    String reportId = start.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT))
        + "_msgprobeendpoint_" + cc + "_" + asn.substring(2) + "_n1_" + String.format(Locale.ROOT, "%016d", day);
    List<Measurement> out = new ArrayList<>();
    Map<String, Verdict> endpoints = new LinkedHashMap<>();
    Verdict web = day < 3 ? verdict(Status.REACHABLE, Method.OK)
        : day < 7 ? blocked(Method.DNS_NXDOMAIN, "the resolver under test answered NXDOMAIN for web.whatsapp.com",
            "1.1.1.1 (DoH) resolved it to 157.240.1.53")
        : blocked(Method.TLS_RESET, "ClientHello with SNI web.whatsapp.com to 157.240.1.53:443 was reset after 31 ms",
            "the same address completed a handshake with SNI example.com", "a retry was reset again after 29 ms",
            "the control vantage completed the handshake");
    put(endpoints, "https://web.whatsapp.com/|whatsapp|web", web);
    put(endpoints, "tcp://e1.whatsapp.net:443|whatsapp|chat", day >= 9 ? blocked(Method.TCP_TIMEOUT, "SYN to 157.240.1.60:443 got no answer in 6 s")
        : verdict(Status.REACHABLE, Method.OK));
    put(endpoints, "tcp://e2.whatsapp.net:443|whatsapp|chat", verdict(Status.REACHABLE, Method.OK));
    put(endpoints, "stun://stun.whatsapp.net:3478|whatsapp|calls", day >= 5 ? blocked(Method.UDP_TIMEOUT,
        "no STUN answer in 6 s while the UDP controls answered") : verdict(Status.REACHABLE, Method.OK));
    Verdict dc = day >= 4 && day < 8 ? Verdict.of(Status.THROTTLED, Method.TCP_THROTTLE, null, Confidence.MEDIUM,
        List.of("128 KiB took 41 s (25 kbit/s), the baseline took 0.4 s")) : verdict(Status.REACHABLE, Method.OK);
    put(endpoints, "tcp://149.154.175.50:443|telegram|dc", dc);
    put(endpoints, "tcp://149.154.167.51:443|telegram|dc", dc);
    put(endpoints, "https://web.telegram.org/|telegram|web", verdict(Status.REACHABLE, Method.OK));
    put(endpoints, "https://max.ru/|max|web", verdict(Status.REACHABLE, Method.OK));
    put(endpoints, "https://api.oneme.ru/|max|api", verdict(Status.REACHABLE, Method.OK));
    put(endpoints, "https://ya.ru/|control|domestic", verdict(Status.REACHABLE, Method.OK));
    int i = 0;
    for (Map.Entry<String, Verdict> e : endpoints.entrySet()) {
      String[] parts = e.getKey().split("\\|");
      String at = start.plusSeconds(i++).format(OONI);
      Measurement m = ReportLines.line(parts[0], parts[1], parts[2], at, reportId,
          connect("192.0.2.1", 443, null).withVerdict(e.getValue()));
      out.add(ReportLines.from(ReportLines.inRun(m, reportId, start.format(OONI), at), asn, cc));
    }
    return out;
  }

  private static void put(Map<String, Verdict> endpoints, String key, Verdict v) {
    endpoints.put(key, v);
  }

  private static Verdict blocked(Method method, String... evidence) {
    return Verdict.of(Status.BLOCKED, method, null, Confidence.HIGH, List.of(evidence));
  }
}
