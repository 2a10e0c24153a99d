package dev.msgprobe.analysis;

import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.model.Measurement;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OONI's own summary keys for WhatsApp (ts-018, probe-cli whatsapp.go) and Telegram (ts-020,
 * telegram.go), computed with OONI's exact rules (ts-018-whatsapp, ts-020-telegram and probe-cli) from the raw first
 * attempts ({@link FirstAttempt}), not from msgprobe's verdicts, so they compare with OONI's history.
 * Keys whose targets were not measured in this run are left out rather than given OONI's defaults.
 */
final class OoniKeys {
  private static final Pattern WHATSAPP_ENDPOINT = Pattern.compile("e[0-9]{1,2}\\.whatsapp\\.net");

  private OoniKeys() {}

  static Map<String, Object> of(String service, List<Measurement> measurements) {
    return switch (service) {
      case "whatsapp" -> whatsapp(measurements);
      case "telegram" -> telegram(measurements);
      default -> Map.of();
    };
  }

  /**
   * Endpoints: {@code tcp://eN.whatsapp.net:PORT}; status ok iff one connect worked; a host is in the
   * blocked list once two of its ports failed. Registration: {@code https://v.whatsapp.net/...}; web:
   * {@code https://web.whatsapp.com/}; each ok iff its GET got any response.
   */
  static Map<String, Object> whatsapp(List<Measurement> measurements) {
    Map<String, Object> keys = new LinkedHashMap<>();
    String endpointsStatus = null;
    Map<String, Integer> failures = new LinkedHashMap<>();
    List<String> blocked = new ArrayList<>();
    Measurement registration = null;
    Measurement web = null;
    for (Target t : targets(measurements)) {
      if (t.is("tcp") && WHATSAPP_ENDPOINT.matcher(t.host()).matches()) {
        if (new FirstAttempt(t.measurement()).failure() == null) {
          endpointsStatus = "ok";
        } else {
          endpointsStatus = endpointsStatus == null ? "blocked" : endpointsStatus;
          if (failures.merge(t.host(), 1, Integer::sum) == 2) {
            blocked.add(t.host());
          }
        }
      } else if (t.is("https", "v.whatsapp.net") && registration == null) {
        registration = t.measurement();
      } else if (t.is("https", "web.whatsapp.com") && (web == null || t.isRoot())) {
        web = t.measurement();
      }
    }
    if (endpointsStatus != null) {
      keys.put("whatsapp_endpoints_status", endpointsStatus);
      keys.put("whatsapp_endpoints_blocked", List.copyOf(blocked));
    }
    putStatus(keys, registration, "registration_server_status", "registration_server_failure");
    putStatus(keys, web, "whatsapp_web_status", "whatsapp_web_failure");
    return keys;
  }

  /**
   * DCs: {@code http://<IP>[:port]/} targets (OONI POSTs to each DC IP on 80 and 443). A response from
   * any DC clears both flags; a DC that connected but got no response clears tcp blocking only.
   * Web: {@code https://web.telegram.org/}.
   */
  static Map<String, Object> telegram(List<Measurement> measurements) {
    Map<String, Object> keys = new LinkedHashMap<>();
    Boolean tcpBlocking = null;
    Boolean httpBlocking = null;
    Measurement web = null;
    for (Target t : targets(measurements)) {
      if (t.is("http") && IpLiterals.isLiteral(t.host())) {
        tcpBlocking = tcpBlocking == null || tcpBlocking;
        httpBlocking = httpBlocking == null || httpBlocking;
        FirstAttempt a = new FirstAttempt(t.measurement());
        if (a.failure() == null) {
          tcpBlocking = false;
          httpBlocking = false;
        } else if (a.connected()) {
          tcpBlocking = false;
        }
      } else if (t.is("https", "web.telegram.org") && (web == null || t.isRoot())) {
        web = t.measurement();
      }
    }
    if (tcpBlocking != null) {
      keys.put("telegram_tcp_blocking", tcpBlocking);
      keys.put("telegram_http_blocking", httpBlocking);
    }
    putStatus(keys, web, "telegram_web_status", "telegram_web_failure");
    return keys;
  }

  private static void putStatus(Map<String, Object> keys, Measurement m, String status, String failure) {
    if (m == null) {
      return;
    }
    String f = new FirstAttempt(m).failure();
    keys.put(status, f == null ? "ok" : "blocked");
    keys.put(failure, f);
  }

  /** A measurement with its input parsed; lower-case scheme and host. */
  private record Target(Measurement measurement, String scheme, String host, String path) {
    boolean is(String scheme) {
      return this.scheme.equals(scheme);
    }

    boolean is(String scheme, String host) {
      return this.scheme.equals(scheme) && this.host.equals(host);
    }

    boolean isRoot() {
      return path == null || path.isEmpty() || path.equals("/");
    }
  }

  private static List<Target> targets(List<Measurement> measurements) {
    List<Target> out = new ArrayList<>();
    for (Measurement m : measurements) {
      if (m.input() == null || m.testKeys() == null) {
        continue;
      }
      try {
        URI u = URI.create(m.input());
        out.add(new Target(m, lower(u.getScheme()), lower(u.getHost()), u.getPath()));
      } catch (IllegalArgumentException e) {
        // not a URI: not one of OONI's targets
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
