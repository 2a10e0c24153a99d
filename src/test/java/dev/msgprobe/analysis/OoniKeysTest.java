package dev.msgprobe.analysis;

import static dev.msgprobe.analysis.Obs.obs;
import static dev.msgprobe.analysis.Reports.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Failures;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OONI's WhatsApp and Telegram keys (OONI's ts-018-whatsapp, ts-020-telegram) computed from raw first attempts. */
class OoniKeysTest {
  private static final String WA_IP = "157.240.1.60";

  private static Measurement endpoint(int n, int port, String failure) {
    String host = "e" + n + ".whatsapp.net";
    return line("tcp://" + host + ":" + port, "whatsapp", "chat",
        obs().system(host, WA_IP).connect(WA_IP, port, failure, 30).keys());
  }

  @SuppressWarnings("unchecked")
  private static List<String> blocked(Map<String, Object> keys) {
    return (List<String>) keys.get("whatsapp_endpoints_blocked");
  }

  private static List<Measurement> allEndpoints(String failure) {
    List<Measurement> out = new ArrayList<>();
    for (int n = 1; n <= 16; n++) {
      out.add(endpoint(n, 443, failure));
      out.add(endpoint(n, 5222, failure));
    }
    return out;
  }

  private static Measurement https(String url, String host, String service, String failure) {
    Obs o = obs().system(host, WA_IP).connect(WA_IP, 443, null, 20).tls(WA_IP + ":443", host, failure, 30);
    if (failure == null) {
      o.http(WA_IP + ":443", "GET", url, 400, null, "bad request");
    }
    return line(url, service, "web", o.keys());
  }

  @Test
  void all32EndpointsFailingOnBothPorts_isBlockedWithEveryHostListed() {
    Map<String, Object> keys = OoniKeys.whatsapp(allEndpoints(Failures.GENERIC_TIMEOUT));

    assertThat(keys).containsEntry("whatsapp_endpoints_status", "blocked");
    assertThat(blocked(keys)).hasSize(16).first().isEqualTo("e1.whatsapp.net");
  }

  @Test
  void oneEndpointConnecting_isOk() {
    List<Measurement> lines = allEndpoints(Failures.GENERIC_TIMEOUT);
    lines.set(31, endpoint(16, 5222, null));

    Map<String, Object> keys = OoniKeys.whatsapp(lines);

    assertThat(keys).containsEntry("whatsapp_endpoints_status", "ok");
    assertThat(blocked(keys)).hasSize(15).doesNotContain("e16.whatsapp.net");
  }

  @Test
  void onePortOfOneHostFailing_blocksNothing() {
    Map<String, Object> keys = OoniKeys.whatsapp(List.of(endpoint(1, 443, Failures.CONNECTION_RESET),
        endpoint(1, 5222, null)));

    assertThat(keys).containsEntry("whatsapp_endpoints_status", "ok")
        .containsEntry("whatsapp_endpoints_blocked", List.of());
  }

  @Test
  void dnsFailureOfAnEndpoint_countsAsItsFailure() {
    Measurement nx = line("tcp://e2.whatsapp.net:443", "whatsapp", "chat",
        obs().systemFails("e2.whatsapp.net", Failures.DNS_NXDOMAIN).doh("e2.whatsapp.net", WA_IP)
            .connect(WA_IP, 443, null, 20, Tags.TRUSTED_ADDRESS).keys());

    assertThat(new FirstAttempt(nx).failure()).isEqualTo(Failures.DNS_NXDOMAIN);
    assertThat(OoniKeys.whatsapp(List.of(nx))).containsEntry("whatsapp_endpoints_status", "blocked");
  }

  @Test
  void successOnlyOnRetry_isAFailureForOoni() {
    Measurement m = line("tcp://e3.whatsapp.net:443", "whatsapp", "chat", obs().system("e3.whatsapp.net", WA_IP)
        .connect(WA_IP, 443, Failures.GENERIC_TIMEOUT, 10000).connect(WA_IP, 443, null, 20, Tags.RETRY).keys());

    assertThat(new FirstAttempt(m).failure()).isEqualTo(Failures.GENERIC_TIMEOUT);
  }

  @Test
  void registrationAndWeb_takeTheFailureOfTheirGetAndIgnoreTheStatusCode() {
    Map<String, Object> keys = OoniKeys.whatsapp(List.of(
        https("https://v.whatsapp.net/v2/register", "v.whatsapp.net", "whatsapp", Failures.CONNECTION_RESET),
        https("https://web.whatsapp.com/", "web.whatsapp.com", "whatsapp", null)));

    assertThat(keys).doesNotContainKey("whatsapp_endpoints_status")
        .containsEntry("registration_server_status", "blocked")
        .containsEntry("registration_server_failure", Failures.CONNECTION_RESET)
        .containsEntry("whatsapp_web_status", "ok")
        .containsEntry("whatsapp_web_failure", null);
  }

  @Test
  void bogonAnswerForWeb_isABlockedWebWithABogonFailure() {
    Measurement m = line("https://web.whatsapp.com/", "whatsapp", "web",
        obs().system("web.whatsapp.com", "10.10.34.35").keys());

    assertThat(OoniKeys.whatsapp(List.of(m))).containsEntry("whatsapp_web_failure", Failures.DNS_BOGON);
  }

  private static Measurement dc(String ip, int port, String connectFailure, String httpFailure) {
    String url = "http://" + ip + (port == 80 ? "" : ":" + port) + "/";
    Obs o = obs().connect(ip, port, connectFailure, 30);
    if (connectFailure == null) {
      o.http(ip + ":" + port, "POST", url, httpFailure == null ? 501 : 0, httpFailure, "");
    }
    return line(url, "telegram", "chat", o.keys());
  }

  @Test
  void dcsConnectingButResetOnHttp_isHttpBlockingWithoutTcpBlocking() {
    Map<String, Object> keys = OoniKeys.telegram(List.of(
        dc("149.154.175.50", 80, null, Failures.CONNECTION_RESET),
        dc("149.154.175.50", 443, null, Failures.CONNECTION_RESET),
        dc("149.154.167.51", 80, null, Failures.EOF)));

    assertThat(keys).containsEntry("telegram_tcp_blocking", false).containsEntry("telegram_http_blocking", true);
  }

  @Test
  void dcsTimingOutAtConnect_isTcpAndHttpBlocking() {
    Map<String, Object> keys = OoniKeys.telegram(List.of(
        dc("149.154.175.50", 80, Failures.GENERIC_TIMEOUT, null),
        dc("149.154.175.50", 443, Failures.GENERIC_TIMEOUT, null)));

    assertThat(keys).containsEntry("telegram_tcp_blocking", true).containsEntry("telegram_http_blocking", true);
  }

  @Test
  void oneDcAnswering_clearsBothFlags() {
    Map<String, Object> keys = OoniKeys.telegram(List.of(
        dc("149.154.175.50", 80, Failures.GENERIC_TIMEOUT, null),
        dc("95.161.76.100", 443, null, null)));

    assertThat(keys).containsEntry("telegram_tcp_blocking", false).containsEntry("telegram_http_blocking", false);
  }

  @Test
  void telegramWeb_isBlockedWithItsFailure() {
    Measurement web = https("https://web.telegram.org/", "web.telegram.org", "telegram", Failures.CONNECTION_RESET);

    assertThat(OoniKeys.telegram(List.of(web))).containsExactly(Map.entry("telegram_web_status", "blocked"),
        Map.entry("telegram_web_failure", Failures.CONNECTION_RESET));
  }

  @Test
  void summaryCarriesTheOoniKeysOfItsService() {
    var services = Summaries.services(allEndpoints(Failures.CONNECTION_REFUSED));

    assertThat(services.get("whatsapp").ooni()).containsEntry("whatsapp_endpoints_status", "blocked");
  }
}
