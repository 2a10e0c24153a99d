package dev.msgprobe.report;

import dev.msgprobe.model.NetworkMode;
import dev.msgprobe.model.ServiceStatus;
import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.model.Status;
import dev.msgprobe.report.ReportDiff.Brief;
import dev.msgprobe.report.ReportDiff.Change;
import dev.msgprobe.report.ReportDiff.EndpointChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
  private static final String WEB = "https://web.whatsapp.com/";
  private static final String DC = "tcp://149.154.175.50:443";
  private static final String MMG = "https://mmg.whatsapp.net/";

  @Test
  void endpointThatGotBlocked_isAStatusChange() {
    ReportDiff diff = ReportDiff.between(
        before("normal", services("whatsapp", "reachable"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK)),
        after("normal", services("whatsapp", "blocked"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET)));

    assertThat(diff.endpoints()).containsExactly(new EndpointChange(WEB, WEB, "whatsapp", ReportDiff.STATUS,
        new Brief("reachable", "ok"), new Brief("blocked", "tls.reset")));
    assertThat(diff.services()).containsEntry("whatsapp", new Change("reachable", "blocked"));
    assertThat(diff.unchangedEndpoints()).isZero();
    assertThat(diff.statusChanged()).isTrue();
  }

  @Test
  void sameStatusAnotherMethod_isListedButIsNoStatusChange() {
    ReportDiff diff = ReportDiff.between(
        before("normal", services("whatsapp", "blocked"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET)),
        after("normal", services("whatsapp", "blocked"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_TIMEOUT)));

    assertThat(diff.endpoints()).singleElement().extracting(EndpointChange::change).isEqualTo(ReportDiff.METHOD);
    assertThat(diff.statusChanged()).isFalse();
  }

  @Test
  void endpointOnlyInTheNewRun_isAdded_andOnlyInTheOldRun_isRemoved_neitherIsAStatusChange() {
    ReportDiff diff = ReportDiff.between(
        before("normal", services("whatsapp", "blocked"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET),
            line(MMG, "whatsapp", Status.BLOCKED, Method.TLS_RESET)),
        after("normal", services("whatsapp", "blocked"), line(DC, "telegram", Status.BLOCKED, Method.TCP_TIMEOUT),
            line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET)));

    assertThat(diff.endpoints()).containsExactly(
        new EndpointChange(DC, DC, "telegram", ReportDiff.ADDED, null, new Brief("blocked", "tcp.timeout")),
        new EndpointChange(MMG, MMG, "whatsapp", ReportDiff.REMOVED, new Brief("blocked", "tls.reset"), null));
    assertThat(diff.unchangedEndpoints()).isEqualTo(1);
    assertThat(diff.statusChanged()).isFalse();
  }

  @Test
  void identicalRuns_listNothing() {
    SummarisedRun run = run("same.jsonl", "normal", services("whatsapp", "blocked", "max", "reachable"),
        line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET), line("https://max.ru/", "max", Status.REACHABLE,
            Method.OK));

    ReportDiff diff = ReportDiff.between(run, run);

    assertThat(diff.endpoints()).isEmpty();
    assertThat(diff.unchangedEndpoints()).isEqualTo(2);
    assertThat(diff.services().values()).noneMatch(Change::changed);
    assertThat(diff.statusChanged()).isFalse();
  }

  @Test
  void serviceStatusChange_aloneIsAStatusChange_andServicesOfOneRunAreNot() {
    ReportDiff diff = ReportDiff.between(before("normal", services("whatsapp", "blocked", "max", "reachable")),
        after("normal", services("whatsapp", "partially_blocked", "telegram", "blocked")));

    assertThat(diff.services()).containsExactly(
        Map.entry("whatsapp", new Change("blocked", "partially_blocked")),
        Map.entry("max", new Change("reachable", null)),
        Map.entry("telegram", new Change(null, "blocked")));
    assertThat(diff.services().get("max").changed()).isFalse();
    assertThat(diff.statusChanged()).isTrue();
  }

  @Test
  void controls_areNotCompared_butTheNetworkModeIs() {
    ReportDiff diff = ReportDiff.between(
        before("normal", Map.of(), line("https://ya.ru/", "control", Status.REACHABLE, Method.OK)),
        after("offline", Map.of(), line("https://ya.ru/", "control", Status.BLOCKED, Method.TCP_TIMEOUT)));

    assertThat(diff.endpoints()).isEmpty();
    assertThat(diff.networkMode()).isEqualTo(new Change("normal", "offline"));
    assertThat(diff.statusChanged()).isFalse();
  }

  @Test
  void lineWithoutVerdict_comparesAsNoStatus() {
    ReportDiff diff = ReportDiff.between(
        before("normal", Map.of(), line(WEB, "whatsapp", null, null)),
        after("normal", Map.of(), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET)));

    assertThat(diff.endpoints()).singleElement().satisfies(e -> {
      assertThat(e.change()).isEqualTo(ReportDiff.STATUS);
      assertThat(e.oldVerdict()).isEqualTo(new Brief(null, null));
    });
  }

  @Test
  void json_hasTheDocumentedFieldNames() throws Exception {
    ReportDiff diff = ReportDiff.between(
        before("normal", services("whatsapp", "reachable"), line(WEB, "whatsapp", Status.REACHABLE, Method.OK)),
        after("allowlist", services("whatsapp", "blocked"), line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET),
            line(DC, "telegram", Status.REACHABLE, Method.OK)));

    JsonNode json = new ObjectMapper().readTree(ReportJson.diffJson(diff));

    assertThat(json.fieldNames()).toIterable().containsExactly("old", "new", "status_changed", "network_mode",
        "services", "endpoints", "unchanged_endpoints");
    assertThat(json.get("old").fieldNames()).toIterable().containsExactly("report_file", "started");
    assertThat(json.get("status_changed").asBoolean()).isTrue();
    assertThat(json.get("network_mode").toString()).isEqualTo("{\"old\":\"normal\",\"new\":\"allowlist\",\"changed\":true}");
    assertThat(json.get("services").get("whatsapp").toString())
        .isEqualTo("{\"old\":\"reachable\",\"new\":\"blocked\",\"changed\":true}");
    assertThat(json.get("endpoints").get(0).toString()).isEqualTo("{\"key\":\"https://web.whatsapp.com/\","
        + "\"input\":\"https://web.whatsapp.com/\",\"service\":\"whatsapp\",\"change\":\"status\","
        + "\"old\":{\"status\":\"reachable\",\"method\":\"ok\"},\"new\":{\"status\":\"blocked\",\"method\":\"tls.reset\"}}");
    assertThat(json.get("endpoints").get(1).get("old").isNull()).isTrue();
    assertThat(json.get("unchanged_endpoints").asInt()).isZero();
  }

  @Test
  void table_showsServicesEndpointsAndCounts() {
    ReportDiff diff = ReportDiff.between(
        before("normal", services("whatsapp", "reachable", "max", "reachable"),
            line(WEB, "whatsapp", Status.REACHABLE, Method.OK), line(MMG, "whatsapp", Status.REACHABLE, Method.OK),
            line("https://max.ru/", "max", Status.REACHABLE, Method.OK)),
        after("allowlist", services("whatsapp", "blocked", "telegram", "blocked"),
            line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET), line(DC, "telegram", Status.BLOCKED,
                Method.TCP_TIMEOUT), line("https://max.ru/", "max", Status.REACHABLE, Method.OK)));

    assertThat(DiffRenderer.table(diff)).isEqualTo("""
        Old: old.jsonl, started 2026-11-28 10:15:02 UTC
        New: new.jsonl, started 2026-11-28 10:15:02 UTC
        Network: normal -> allowlist

        SERVICE   OLD        NEW
        whatsapp  reachable  blocked  changed
        max       reachable  -        only in old
        telegram  -          blocked  only in new

        CHANGE   SERVICE   ENDPOINT                   OLD        NEW
        status   whatsapp  https://web.whatsapp.com/  reachable  blocked tls.reset
        added    telegram  tcp://149.154.175.50:443   -          blocked tcp.timeout
        removed  whatsapp  https://mmg.whatsapp.net/  reachable  -

        Endpoints: 1 status changed, 0 method changed, 1 added, 1 removed, 1 unchanged.
        """);
  }

  @Test
  void table_ofIdenticalRuns_saysNoChange() {
    SummarisedRun run = run("same.jsonl", "normal", services("max", "reachable"),
        line("https://max.ru/", "max", Status.REACHABLE, Method.OK));

    assertThat(DiffRenderer.table(ReportDiff.between(run, run))).endsWith("""
        Network: normal

        SERVICE  OLD        NEW
        max      reachable  reachable

        Endpoints: no change (1 with the same verdict).
        """);
  }

  private static SummarisedRun before(String mode, Map<String, ServiceSummary> services, Measurement... lines) {
    return run("old.jsonl", mode, services, lines);
  }

  private static SummarisedRun after(String mode, Map<String, ServiceSummary> services, Measurement... lines) {
    return run("new.jsonl", mode, services, lines);
  }

  /** A run whose summary has the given mode and service statuses (the comparison takes them as given). */
  private static SummarisedRun run(String file, String mode, Map<String, ServiceSummary> services,
      Measurement... lines) {
    return new SummarisedRun(new RunSummary("msgprobe", "0.1.0", file, "AS0", "ZZ", "2026-11-28 10:15:02", 10,
        NetworkMode.fromWire(mode), Map.of(), services), List.of(lines));
  }

  private static Map<String, ServiceSummary> services(String... nameStatus) {
    Map<String, ServiceSummary> out = new LinkedHashMap<>();
    for (int i = 0; i < nameStatus.length; i += 2) {
      out.put(nameStatus[i], new ServiceSummary(ServiceStatus.fromWire(nameStatus[i + 1]), 1, Map.of(), Map.of(), Map.of(), Map.of()));
    }
    return out;
  }
}
