package dev.msgprobe.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.msgprobe.model.Measurement;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Speaks the collector API to one collector. Opening a report proposes the probe's own report id (the
 * one in its report file), so a measurement keeps its identity whether it arrives by submission or by
 * import; opening it again (a later {@code submit}) is allowed. Every call is bounded by {@code timeout}.
 */
public final class CollectorClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  public CollectorClient(String baseUrl, String token, Duration timeout) {
    String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.base = URI.create(b);
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).proxy(HttpClient.Builder.NO_PROXY)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public String url() {
    return base.toString();
  }

  /** Opens (or reopens) the report {@code first} belongs to; returns the report id to submit under. */
  public String open(Measurement first) throws CollectorException {
    ObjectNode body = JSON.createObjectNode();
    body.put("data_format_version", first.dataFormatVersion());
    body.put("format", "json");
    body.put("probe_asn", first.probeAsn());
    body.put("probe_cc", first.probeCc());
    body.put("software_name", first.softwareName());
    body.put("software_version", first.softwareVersion());
    body.put("test_name", first.testName());
    body.put("test_start_time", first.testStartTime());
    body.put("test_version", first.testVersion());
    body.put("report_id", first.reportId());
    JsonNode answer = post("/report", body.toString());
    JsonNode id = answer.get("report_id");
    if (id == null || !id.isTextual()) {
      throw new CollectorException(base + "/report: the answer has no report_id", true);
    }
    return id.asText();
  }

  /** Submits one report line under {@code reportId}; returns the collector's measurement uid. */
  public String submit(String reportId, String line) throws CollectorException {
    String body = "{\"format\":\"json\",\"content\":" + line + "}";
    JsonNode answer = post("/report/" + reportId, body);
    JsonNode uid = answer.get("measurement_uid");
    return uid == null ? null : uid.asText();
  }

  public void close(String reportId) throws CollectorException {
    post("/report/" + reportId + "/close", "");
  }

  private JsonNode post(String path, String body) throws CollectorException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CollectorException(base + path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectorException(base + path + ": interrupted", false);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      try {
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new CollectorException(base + path + ": the answer is not JSON", false);
      }
    }
    throw new CollectorException(base + path + ": HTTP " + status + " " + errorOf(response.body()), status / 100 == 4);
  }

  private static String errorOf(String body) {
    try {
      JsonNode e = JSON.readTree(body).get("error");
      return e == null ? body : e.asText();
    } catch (IOException | RuntimeException notJson) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }
}
