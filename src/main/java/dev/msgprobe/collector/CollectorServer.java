package dev.msgprobe.collector;

import static dev.msgprobe.net.HttpExchanges.error;
import static dev.msgprobe.net.HttpExchanges.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.net.HttpExchanges;
import dev.msgprobe.report.ReportIds;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.store.MeasurementIds;
import dev.msgprobe.store.OpenedReport;
import dev.msgprobe.store.StoreException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A collector in the shape of OONI's collector API (bk-003):
 * <ul>
 *   <li>{@code POST /report} with the report's envelope fields opens a report and answers
 *       {@code {"report_id": ..., "supported_formats": ["json"]}}. A probe may propose its own report id
 *       (the one in its report file): accepted when new, and reopened when it is the same probe's, so a
 *       measurement keeps one identity whether it is submitted or imported;</li>
 *   <li>{@code POST /report/ID} with {@code {"format":"json","content":MEASUREMENT}} validates and stores
 *       the measurement, answering {@code {"measurement_uid": ...}}; the same measurement twice is stored
 *       once and answered alike;</li>
 *   <li>{@code POST /report/ID/close} closes it; {@code GET /} is a health check.</li>
 * </ul>
 * Refusals store nothing and say why: 400 wrong shape, 401 no or unknown token (when tokens are
 * configured), 403 another probe's report, 404 unknown report, 405 method, 409 closed report or a
 * report id taken by another probe, 413 body over the limit, 503 too many requests at once, 500 the
 * store failed.
 */
public final class CollectorServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANONYMOUS = "anonymous";
  private static final String BACKEND_VERSION = "msgprobe-collector";

  private final CollectorConfig config;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Semaphore inflight;
  private final ReportIds reportIds = ReportIds.system();

  private CollectorServer(CollectorConfig config) throws IOException {
    this.config = config;
    this.inflight = new Semaphore(config.maxInflight());
    this.threads = Executors.newFixedThreadPool(config.maxInflight() + 2, HttpExchanges.daemon("msgprobe-collector"));
    if (config.tls() != null) {
      HttpsServer https = HttpsServer.create(config.listen(), 256);
      https.setHttpsConfigurator(new HttpsConfigurator(config.tls()));
      this.server = https;
    } else {
      this.server = HttpServer.create(config.listen(), 256);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
  }

  /**
   * Binds {@code config.listen()} and starts serving. The JDK server's own read and write time limits
   * ({@code sun.net.httpserver.maxReqTime}, {@code maxRspTime}) are set to {@code requestLimit} unless
   * they were given on the command line.
   */
  public static CollectorServer start(CollectorConfig config) throws IOException {
    long seconds = Math.max(1, config.requestLimit().toSeconds());
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(seconds));
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", Long.toString(seconds));
    }
    CollectorServer s = new CollectorServer(config);
    s.server.start();
    return s;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http(s)://HOST:PORT}, the base URL probes submit to. */
  public String url() {
    String host = config.listen().getHostString();
    return (config.tls() != null ? "https" : "http") + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
        + address().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!inflight.tryAcquire()) {
        reply(exchange, 503, error("too many requests at once; try again later"));
        return;
      }
      try {
        route(exchange);
      } catch (StoreException e) {
        reply(exchange, 500, error("the store failed: " + e.getMessage()));
      } finally {
        inflight.release();
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, StoreException {
    String probe = probe(exchange);
    if (probe == null) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      reply(exchange, 401, error("a valid bearer token is required"));
      return;
    }
    String method = exchange.getRequestMethod();
    List<String> path = List.of(exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/"));
    if (method.equals("GET") && path.equals(List.of(""))) {
      reply(exchange, 200, "{\"message\":\"msgprobe collector\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (path.isEmpty() || !path.get(0).equals("report") || path.size() > 3 || path.size() == 3 && !path.get(2).equals("close")) {
      reply(exchange, 404, error("no such resource: " + exchange.getRequestURI().getPath()));
      return;
    }
    if (!method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      reply(exchange, 405, error("only POST"));
      return;
    }
    byte[] body = HttpExchanges.readBody(exchange, config.maxRequestBytes());
    if (body == null) {
      reply(exchange, 413, error("the request body is over " + config.maxRequestBytes() + " bytes"));
      return;
    }
    if (path.size() == 1) {
      open(exchange, probe, body);
    } else if (path.size() == 2) {
      submit(exchange, probe, path.get(1), body);
    } else {
      close(exchange, probe, path.get(1));
    }
  }

  /** The probe named by the request's token; {@code anonymous} without tokens; null when refused. */
  private String probe(HttpExchange exchange) {
    if (config.tokens().isEmpty()) {
      return ANONYMOUS;
    }
    String given = HttpExchanges.bearer(exchange);
    for (Map.Entry<String, String> e : config.tokens().entrySet()) {
      if (HttpExchanges.sameSecret(given, e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private void open(HttpExchange exchange, String probe, byte[] body) throws IOException, StoreException {
    JsonNode request = parse(body);
    String problem = MeasurementRules.openProblem(request);
    if (problem != null) {
      reply(exchange, 400, error(problem));
      return;
    }
    String proposed = request.path("report_id").asText(null);
    String reportId = proposed != null ? proposed
        : reportIds.newReportId(request.get("probe_cc").asText(), request.get("probe_asn").asText());
    OpenedReport report = new OpenedReport(reportId, request.get("test_name").asText(), request.get("probe_asn").asText(),
        request.get("probe_cc").asText(), probe,
        request.get("software_name").asText() + " " + request.get("software_version").asText(),
        LocalDateTime.now(ZoneOffset.UTC).withNano(0), null);
    if (!config.store().openReport(report)) {
      OpenedReport existing = config.store().report(reportId).orElseThrow();
      if (!existing.probe().equals(probe)) {
        reply(exchange, 409, error("report id " + reportId + " belongs to another probe"));
        return;
      }
      config.store().reopenReport(reportId);
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("backend_version", BACKEND_VERSION);
    answer.put("report_id", reportId);
    answer.putArray("supported_formats").add("json");
    reply(exchange, 200, JSON.writeValueAsBytes(answer));
  }

  private void submit(HttpExchange exchange, String probe, String reportId, byte[] body) throws IOException, StoreException {
    Optional<OpenedReport> report = config.store().report(reportId);
    if (report.isEmpty()) {
      reply(exchange, 404, error("no report " + reportId + "; open one with POST /report"));
      return;
    }
    if (!report.get().probe().equals(probe)) {
      reply(exchange, 403, error("report " + reportId + " belongs to another probe"));
      return;
    }
    if (report.get().closed() != null) {
      reply(exchange, 409, error("report " + reportId + " is closed; open it again with POST /report"));
      return;
    }
    JsonNode request = parse(body);
    if (request == null || !request.isObject() || !"json".equals(request.path("format").asText(null))) {
      reply(exchange, 400, error("the body must be {\"format\":\"json\",\"content\":MEASUREMENT}"));
      return;
    }
    JsonNode content = request.get("content");
    if (content == null || !content.isObject()) {
      reply(exchange, 400, error("content must be a measurement object"));
      return;
    }
    Measurement m;
    try {
      m = ReportJson.parseMeasurement(content.toString());
    } catch (IOException | RuntimeException e) {
      reply(exchange, 400, error("content is not a msgprobe measurement: " + firstLine(e.getMessage())));
      return;
    }
    String problem = MeasurementRules.measurementProblem(m, reportId);
    if (problem != null) {
      reply(exchange, 400, error(problem));
      return;
    }
    config.store().add(List.of(m), probe);
    reply(exchange, 200, JSON.writeValueAsBytes(Map.of("measurement_uid", MeasurementIds.of(m))));
  }

  private void close(HttpExchange exchange, String probe, String reportId) throws IOException, StoreException {
    Optional<OpenedReport> report = config.store().report(reportId);
    if (report.isEmpty()) {
      reply(exchange, 404, error("no report " + reportId));
      return;
    }
    if (!report.get().probe().equals(probe)) {
      reply(exchange, 403, error("report " + reportId + " belongs to another probe"));
      return;
    }
    config.store().closeReport(reportId);
    reply(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
