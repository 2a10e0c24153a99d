package dev.msgprobe.analysis;

import dev.msgprobe.model.ServiceStatus;
import static dev.msgprobe.analysis.Reports.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummariesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "REACHABLE REACHABLE, reachable",
      "DOWN DOWN, down",
      "BLOCKED BLOCKED DOWN, blocked",
      "BLOCKED REACHABLE, partially_blocked",
      "BLOCKED THROTTLED, partially_blocked",
      "BLOCKED INCONCLUSIVE, partially_blocked",
      "THROTTLED REACHABLE, throttled",
      "REACHABLE DOWN, reachable",
      "REACHABLE INCONCLUSIVE, inconclusive",
      "INCONCLUSIVE INCONCLUSIVE, inconclusive",
      "INCONCLUSIVE DOWN, inconclusive"})
  void groupStatus_followsTheSpecRules(String statuses, String expected) {
    List<Status> list = java.util.Arrays.stream(statuses.split(" ")).map(Status::valueOf).toList();

    assertThat(Summaries.status(list)).isEqualTo(ServiceStatus.fromWire(expected));
  }

  @Test
  void emptyGroup_isInconclusive() {
    assertThat(Summaries.status(List.of())).isEqualTo(ServiceStatus.INCONCLUSIVE);
  }

  @Test
  void services_countEveryStatusAndMethodOfBlockedEndpoints() {
    List<Measurement> lines = List.of(
        verdict("https://max.ru/", "control", "domestic", Status.REACHABLE, Method.OK),
        verdict("https://web.whatsapp.com/", "whatsapp", "web", Status.BLOCKED, Method.TLS_RESET),
        verdict("tcp://e1.whatsapp.net:443", "whatsapp", "chat", Status.BLOCKED, Method.TCP_TIMEOUT),
        verdict("tcp://e1.whatsapp.net:5222", "whatsapp", "chat", Status.BLOCKED, Method.TCP_TIMEOUT),
        verdict("https://mmg.whatsapp.net/", "whatsapp", "media", Status.DOWN, Method.TLS_CERT_INVALID),
        verdict("https://telegram.org/", "telegram", "site", Status.THROTTLED, Method.TCP_THROTTLE),
        verdict("https://t.me/", "telegram", "site", Status.REACHABLE, Method.OK));

    Map<String, ServiceSummary> services = Summaries.services(lines);

    assertThat(services).containsOnlyKeys("whatsapp", "telegram");
    ServiceSummary wa = services.get("whatsapp");
    assertThat(wa.status()).isEqualTo(ServiceStatus.BLOCKED);
    assertThat(wa.endpoints()).isEqualTo(4);
    assertThat(wa.counts()).containsExactly(Map.entry("reachable", 0), Map.entry("blocked", 3),
        Map.entry("throttled", 0), Map.entry("down", 1), Map.entry("inconclusive", 0));
    assertThat(wa.methods()).containsExactly(Map.entry("tcp.timeout", 2), Map.entry("tls.reset", 1));
    assertThat(wa.functions()).containsExactly(Map.entry("web", ServiceStatus.BLOCKED),
        Map.entry("chat", ServiceStatus.BLOCKED), Map.entry("media", ServiceStatus.DOWN));
    ServiceSummary tg = services.get("telegram");
    assertThat(tg.status()).isEqualTo(ServiceStatus.THROTTLED);
    assertThat(tg.methods()).containsExactly(Map.entry("tcp.throttle", 1));
    assertThat(tg.ooni()).isEmpty();
  }

  @Test
  void controls_areListedWithTheirStatus() {
    List<Measurement> lines = List.of(
        verdict("https://max.ru/", "control", "domestic", Status.REACHABLE, Method.OK),
        verdict("https://github.com/", "control", "foreign", Status.BLOCKED, Method.TLS_TIMEOUT),
        verdict("https://web.whatsapp.com/", "whatsapp", "web", Status.REACHABLE, Method.OK));

    assertThat(Summaries.controls(lines)).containsExactly(Map.entry("https://max.ru/", Status.REACHABLE),
        Map.entry("https://github.com/", Status.BLOCKED));
  }

  @Test
  void lineWithoutVerdict_countsAsInconclusive() {
    Measurement bare = Reports.line("https://web.whatsapp.com/", "whatsapp", "web", Obs.obs().keys());

    assertThat(Summaries.services(List.of(bare)).get("whatsapp").counts()).containsEntry("inconclusive", 1);
  }
}
