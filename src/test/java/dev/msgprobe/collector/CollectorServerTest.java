package dev.msgprobe.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.store.Query;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.Stores;
import dev.msgprobe.testing.Fleet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorServerTest {
  private static final String TOKEN_A = "token-of-probe-a-0123456789";
  private static final String TOKEN_B = "token-of-probe-b-0123456789";

  @TempDir Path dir;
  private Store store;
  private CollectorServer server;
  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  private CollectorServer start(Map<String, String> tokens, int maxBytes) throws Exception {
    store = Stores.open(dir.resolve("c.db").toString(), Map.of()).orElseThrow();
    server = CollectorServer.start(new CollectorConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), store,
        tokens, null, 4, maxBytes, Duration.ofSeconds(10)));
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.url() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Measurement measurement() {
    return Fleet.run(3, "AS12389", "RU").get(0);
  }

  private static String openBody(Measurement m) {
    return "{\"format\":\"json\",\"data_format_version\":\"0.2.0\",\"test_name\":\"msgprobe_endpoint\",\"probe_asn\":\""
        + m.probeAsn() + "\",\"probe_cc\":\"" + m.probeCc() + "\",\"software_name\":\"msgprobe\",\"software_version\":\"0.1.0\","
        + "\"report_id\":\"" + m.reportId() + "\"}";
  }

  private static String submitBody(Measurement m) {
    return "{\"format\":\"json\",\"content\":" + ReportJson.measurementLine(m) + "}";
  }

  @Test
  void openSubmitClose_storesTheMeasurement_andTheSameOneTwiceOnce() throws Exception {
    start(Map.of(), 1 << 20);
    Measurement m = measurement();

    HttpResponse<String> open = post("/report", openBody(m), null);
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).contains("\"report_id\":\"" + m.reportId() + "\"", "\"supported_formats\":[\"json\"]");
    HttpResponse<String> first = post("/report/" + m.reportId(), submitBody(m), null);
    HttpResponse<String> again = post("/report/" + m.reportId(), submitBody(m), null);
    HttpResponse<String> close = post("/report/" + m.reportId() + "/close", "", null);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body()).contains("measurement_uid");
    assertThat(close.statusCode()).isEqualTo(200);
    assertThat(store.measurements(Query.ALL)).containsExactly(m);
    assertThat(store.report(m.reportId()).orElseThrow().closed()).isNotNull();
  }

  @Test
  void wrongShape_wrongReportId_missingVerdict_areRefusedWith400_andNothingIsStored() throws Exception {
    start(Map.of(), 1 << 20);
    Measurement m = measurement();
    post("/report", openBody(m), null);

    HttpResponse<String> notJson = post("/report/" + m.reportId(), "not json", null);
    HttpResponse<String> noContent = post("/report/" + m.reportId(), "{\"format\":\"json\",\"content\":[1]}", null);
    HttpResponse<String> otherId = post("/report/" + m.reportId(), submitBody(Fleet.run(4, "AS12389", "RU").get(0)), null);
    Measurement noVerdict = new Measurement(m.annotations(), m.dataFormatVersion(), m.extensions(), m.input(),
        m.measurementStartTime(), m.probeAsn(), m.probeCc(), m.probeIp(), m.probeNetworkName(), m.reportId(), m.resolverAsn(),
        m.resolverIp(), m.resolverNetworkName(), m.softwareName(), m.softwareVersion(), m.testKeys().withVerdict(null),
        m.testName(), m.testRuntime(), m.testStartTime(), m.testVersion());
    HttpResponse<String> verdictless = post("/report/" + m.reportId(), submitBody(noVerdict), null);

    assertThat(List.of(notJson, noContent, otherId, verdictless)).extracting(HttpResponse::statusCode).containsOnly(400);
    assertThat(otherId.body()).contains("content.report_id must be the report's id");
    assertThat(verdictless.body()).contains("verdict");
    assertThat(store.measurements(Query.ALL)).isEmpty();
  }

  @Test
  void unknownReport_is404_andABadOpenRequest_is400() throws Exception {
    start(Map.of(), 1 << 20);

    assertThat(post("/report/20260101T000000Z_nothing_here", submitBody(measurement()), null).statusCode()).isEqualTo(404);
    HttpResponse<String> badOpen = post("/report", openBody(measurement()).replace("AS12389", "12389"), null);
    assertThat(badOpen.statusCode()).isEqualTo(400);
    assertThat(badOpen.body()).contains("probe_asn must look like AS1234");
    assertThat(store.measurements(Query.ALL)).isEmpty();
  }

  @Test
  void aBodyOverTheLimit_is413() throws Exception {
    start(Map.of(), 512);
    Measurement m = measurement();
    post("/report", openBody(m), null);

    assertThat(post("/report/" + m.reportId(), submitBody(m), null).statusCode()).isEqualTo(413);
    assertThat(store.measurements(Query.ALL)).isEmpty();
  }

  @Test
  void withTokens_aProbeWithoutOne_is401_andAnotherProbesReport_is403() throws Exception {
    start(Map.of(TOKEN_A, "probe-a", TOKEN_B, "probe-b"), 1 << 20);
    Measurement m = measurement();

    assertThat(post("/report", openBody(m), null).statusCode()).isEqualTo(401);
    assertThat(post("/report", openBody(m), "wrong-token-0123456789").statusCode()).isEqualTo(401);
    assertThat(post("/report", openBody(m), TOKEN_A).statusCode()).isEqualTo(200);
    assertThat(post("/report/" + m.reportId(), submitBody(m), TOKEN_B).statusCode()).isEqualTo(403);
    assertThat(post("/report", openBody(m), TOKEN_B).statusCode()).as("the id is probe-a's").isEqualTo(409);
    assertThat(post("/report/" + m.reportId(), submitBody(m), TOKEN_A).statusCode()).isEqualTo(200);
    assertThat(store.latestBy(dev.msgprobe.store.Grouping.PROBE, Query.ALL)).containsOnlyKeys("probe-a");
  }

  @Test
  void aClosedReport_refusesMeasurements_untilItsProbeOpensItAgain() throws Exception {
    start(Map.of(), 1 << 20);
    Measurement m = measurement();
    post("/report", openBody(m), null);
    post("/report/" + m.reportId() + "/close", "", null);

    assertThat(post("/report/" + m.reportId(), submitBody(m), null).statusCode()).isEqualTo(409);
    assertThat(post("/report", openBody(m), null).statusCode()).isEqualTo(200);
    assertThat(post("/report/" + m.reportId(), submitBody(m), null).statusCode()).isEqualTo(200);
  }
}
