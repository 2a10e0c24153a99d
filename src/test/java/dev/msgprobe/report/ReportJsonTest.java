package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.msgprobe.model.Body;
import dev.msgprobe.model.Layer;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.ResponseProgress;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.Status;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void measurementRoundTripsThroughJson_equal() throws IOException {
    Measurement m = Fixtures.blockedWeb();

    Measurement back = ReportJson.parseMeasurement(ReportJson.measurementLine(m));

    assertThat(back).isEqualTo(m);
  }

  @Test
  void binaryBody_isWrittenAsBase64Object_andReadBackAsBinary() throws IOException {
    String line = ReportJson.measurementLine(Fixtures.blockedWeb());

    assertThat(line).contains("\"body\":{\"format\":\"base64\",\"data\":\"H4sIAP8=\"}");
    Body body = ReportJson.parseMeasurement(line).testKeys().requests().get(0).response().body();
    assertThat(body.text()).isNull();
    assertThat(body.binary().bytes()).containsExactly(0x1f, 0x8b, 0x08, 0x00, 0xff);
  }

  @Test
  void verdictEnums_useWireNames_andReadBack() throws IOException {
    String line = ReportJson.measurementLine(Fixtures.blockedWeb());

    assertThat(line).contains("\"verdict\":{\"status\":\"blocked\",\"layer\":\"tls\",\"method\":\"tls.reset\","
        + "\"sni_filtering\":true,\"confidence\":\"high\"");
    var verdict = ReportJson.parseMeasurement(line).testKeys().verdict();
    assertThat(verdict.status()).isEqualTo(Status.BLOCKED);
    assertThat(verdict.layer()).isEqualTo(Layer.TLS);
    assertThat(verdict.method()).isEqualTo(Method.TLS_RESET);
  }

  @Test
  void nullsAreExplicit_andSmallTimesHaveNoExponent() {
    String line = ReportJson.measurementLine(Fixtures.blockedWeb());

    assertThat(line).contains("\"failed_operation\":null", "\"resolver_hostname\":null", "\"t0\":0.000012,");
    assertThat(line).doesNotContain("E-");
  }

  @Test
  void responseProgress_isLeftOutWhenNotRecorded_andRoundTripsWhenItIs() throws IOException {
    String line = ReportJson.measurementLine(Fixtures.blockedWeb());
    assertThat(line).doesNotContain("x_response_progress");
    int request = line.indexOf("\"requests\":[");
    int id = line.indexOf("\"transaction_id\":", request);
    int end = line.indexOf('}', id);
    String progress = ",\"x_response_progress\":{\"request_sent_t\":0.5,\"head_t\":0.6,\"last_byte_t\":0.75,"
        + "\"body_bytes\":3000}";
    String withProgress = line.substring(0, end) + progress + line.substring(end);

    Measurement m = ReportJson.parseMeasurement(withProgress);

    assertThat(m.testKeys().requests().get(0).progress())
        .isEqualTo(new ResponseProgress(0.5, 0.6, 0.75, 3000));
    assertThat(ReportJson.measurementLine(m)).isEqualTo(withProgress);
  }

  @Test
  void unknownProperties_areIgnoredWhenReading() throws IOException {
    Measurement m = ReportJson.parseMeasurement("{\"input\":\"tcp://e1.whatsapp.net:5222\",\"x_future\":[1,2]}");

    assertThat(m.input()).isEqualTo("tcp://e1.whatsapp.net:5222");
  }

  @Test
  void trailingGarbageAfterTheObject_isNotAMeasurement() {
    assertThatThrownBy(() -> ReportJson.parseMeasurement("{\"input\":\"a\"} {\"input\":\"b\"}"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void summaryJson_matchesGoldenFile_andRoundTrips() throws IOException {
    RunSummary summary = Fixtures.summary();
    String json = ReportJson.summaryJson(summary);

    Golden.assertMatches("summary.json", json);
    assertThat(ReportJson.parseSummary(json)).isEqualTo(summary);
  }

  @Test
  void summaryFromANewerVersion_readsUnknownStatusesAndModesAsNull() throws IOException {
    RunSummary s = ReportJson.parseSummary("{\"network_mode\": \"satellite\", \"controls\": {\"https://ya.ru/\": \"gone\"},"
        + " \"services\": {\"max\": {\"status\": \"gone\", \"functions\": {\"chat\": \"gone\", \"web\": \"partially_blocked\"}}}}");

    assertThat(s.networkMode()).isNull();
    assertThat(s.controls()).containsEntry("https://ya.ru/", null);
    assertThat(s.services().get("max").status()).isNull();
    assertThat(s.services().get("max").functions()).containsEntry("chat", null)
        .containsEntry("web", dev.msgprobe.model.ServiceStatus.PARTIALLY_BLOCKED);
  }

  @Test
  void summaryStatusesAndMode_roundTripWithTheirWireNames() throws IOException {
    String json = ReportJson.summaryJson(Fixtures.summary());

    assertThat(json).contains("\"network_mode\": \"allowlist\"", "\"status\": \"partially_blocked\"");
    assertThat(ReportJson.parseSummary(json)).isEqualTo(Fixtures.summary());
  }
}
