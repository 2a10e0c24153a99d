import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/fleet-bench.sh: PROBES synthetic probes, each on its own ASN among 40, send
 * COUNT/PROBES measurements to a collector (runs of 50 endpoints, one run a day from 2026-01-01, so the
 * measurements span several monthly partitions), THREADS probes at a time. Loopback only.
 * Usage: java FleetLoad.java URL COUNT PROBES THREADS
 */
public class FleetLoad {
  static final DateTimeFormatter OONI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  static final String[] SERVICES = {"whatsapp", "telegram", "max"};
  static final String[] METHODS = {"tls.reset", "dns.nxdomain", "tcp.timeout", "tcp.throttle"};

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long count = Long.parseLong(args[1]);
    int probes = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    if (!URI.create(url).getHost().startsWith("127.")) {
      throw new IllegalArgumentException("loopback collectors only");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).proxy(HttpClient.Builder.NO_PROXY).build();
    long perProbe = count / probes;
    AtomicLong sent = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int p = 0; p < probes; p++) {
      int probe = p;
      pool.execute(() -> {
        try {
          runProbe(http, url, probe, perProbe, sent, failed);
        } catch (Exception e) {
          failed.incrementAndGet();
          System.err.println("probe " + probe + ": " + e);
        }
      });
    }
    pool.shutdown();
    while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      double s = (System.nanoTime() - t0) / 1e9;
      System.err.printf("... %d sent in %.0f s (%.0f/s)%n", sent.get(), s, sent.get() / s);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "sent=%d failed=%d seconds=%.1f per_second=%.0f%n", sent.get(), failed.get(), seconds,
        sent.get() / seconds);
  }

  static void runProbe(HttpClient http, String url, int probe, long n, AtomicLong sent, AtomicLong failed) throws Exception {
    String asn = "AS" + (64500 + probe % 40);
    int endpoints = 50;
    long runs = (n + endpoints - 1) / endpoints;
    long done = 0;
    for (long run = 0; run < runs && done < n; run++) {
      LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0).plusDays(run).plusMinutes(probe);
      String reportId = String.format(Locale.ROOT, "bench_p%03d_r%05d_%s", probe, run, asn);
      post(http, url + "/report", "{\"format\":\"json\",\"data_format_version\":\"0.2.0\",\"test_name\":\"msgprobe_endpoint\","
          + "\"probe_asn\":\"" + asn + "\",\"probe_cc\":\"RU\",\"software_name\":\"msgprobe\",\"software_version\":\"bench\","
          + "\"report_id\":\"" + reportId + "\"}");
      for (int e = 0; e < endpoints && done < n; e++, done++) {
        String service = SERVICES[e % 3];
        boolean blocked = (probe % 3 == 0 && service.equals("whatsapp")) || (e % 17 == 0);
        String method = blocked ? METHODS[(probe + e) % METHODS.length] : "ok";
        String status = blocked ? (method.equals("tcp.throttle") ? "throttled" : "blocked") : "reachable";
        String line = "{\"annotations\":{\"service\":\"" + service + "\",\"function\":\"f" + (e % 4) + "\",\"list\":\"" + service
            + "\"},\"data_format_version\":\"0.2.0\",\"extensions\":{},\"input\":\"https://e" + e + "." + service + ".test/\","
            + "\"measurement_start_time\":\"" + start.plusSeconds(e).format(OONI) + "\",\"probe_asn\":\"" + asn
            + "\",\"probe_cc\":\"RU\",\"probe_ip\":\"127.0.0.1\",\"probe_network_name\":null,\"report_id\":\"" + reportId
            + "\",\"resolver_asn\":\"AS0\",\"resolver_ip\":\"192.0.2.53\",\"resolver_network_name\":null,\"software_name\":\"msgprobe\","
            + "\"software_version\":\"bench\",\"test_keys\":{\"agent\":\"redirect\",\"queries\":[],\"tcp_connect\":[{\"ip\":\"192.0.2.1\","
            + "\"port\":443,\"status\":{\"failure\":null,\"success\":true},\"t0\":0.001,\"t\":0.021}],\"verdict\":{\"status\":\""
            + status + "\",\"layer\":" + (blocked ? "\"" + method.substring(0, method.indexOf('.')) + "\"" : "null") + ",\"method\":\""
            + method + "\",\"sni_filtering\":null,\"confidence\":\"high\",\"evidence\":[\"synthetic measurement " + e + "\"]}},"
            + "\"test_name\":\"msgprobe_endpoint\",\"test_runtime\":0.5,\"test_start_time\":\"" + start.format(OONI)
            + "\",\"test_version\":\"0.1.0\"}";
        if (post(http, url + "/report/" + reportId, "{\"format\":\"json\",\"content\":" + line + "}")) {
          sent.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
      }
      post(http, url + "/report/" + reportId + "/close", "");
    }
  }

  static boolean post(HttpClient http, String url, String body) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return true;
      }
      if (r.statusCode() != 503) {
        System.err.println(url + ": " + r.statusCode() + " " + r.body());
        return false;
      }
      Thread.sleep(50L << attempt);
    }
    return false;
  }
}
