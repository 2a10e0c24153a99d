package dev.msgprobe.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.i18n.Lang;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.testing.Fleet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
  static List<Measurement> days(int n) {
    List<Measurement> all = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      all.addAll(Fleet.run(d, "AS12389", "RU"));
    }
    return all;
  }

  @Test
  void eachRun_hasEachServicesStatusAndMainMethod() {
    History h = History.of("test", days(12));

    assertThat(h.runs()).hasSize(12);
    Run day8 = h.runs().get(7);
    assertThat(day8.started()).isEqualTo("2026-03-08 10:00:00");
    assertThat(day8.services().get("whatsapp").state()).isEqualTo(new State("partially_blocked", "tls.reset"));
    assertThat(day8.services().get("whatsapp").functions().get("web")).isEqualTo(new State("blocked", "tls.reset"));
    assertThat(day8.services().get("telegram").functions().get("dc")).isEqualTo(new State("throttled", "tcp.throttle"));
    assertThat(day8.services()).doesNotContainKey("control");
    assertThat(day8.endpoints()).isEqualTo(9);
  }

  @Test
  void aRun_isFoundByItsReportId_andAnUnknownIdFindsNone() {
    List<Measurement> all = days(3);
    String day2 = all.stream().filter(m -> m.measurementStartTime().startsWith("2026-03-02")).findFirst().orElseThrow().reportId();
    History h = History.of("test", all);

    assertThat(h.run(day2)).map(Run::started).hasValue("2026-03-02 10:00:00");
    assertThat(h.run("20990101T000000Z_nope")).isEmpty();
    assertThat(all).filteredOn(m -> History.runOf(m).equals(day2)).hasSize(10);
  }

  @Test
  void aMethodChange_isToldInWords() {
    History h = History.of("test", days(12));

    assertThat(h.changes()).extracting(Change::text).contains(
        "whatsapp web: reachable \u2192 dns.nxdomain on 2026-03-04",
        "whatsapp web: dns.nxdomain \u2192 tls.reset on 2026-03-08",
        "telegram dc: reachable \u2192 tcp.throttle on 2026-03-05",
        "telegram dc: tcp.throttle \u2192 reachable on 2026-03-09")
        .noneMatch(t -> t.startsWith("max"));
  }

  @Test
  void aStatusChangeWithTheSameMethod_namesBothStatuses() {
    Change c = new Change("2026-03-02 10:00:00", "r", "whatsapp", null, new State("partially_blocked", "tls.reset"),
        new State("blocked", "tls.reset"));

    assertThat(c.text()).isEqualTo("whatsapp: partially_blocked (tls.reset) \u2192 blocked (tls.reset) on 2026-03-02");
  }

  @Test
  void runs_areInTimeOrder_whateverTheOrderOfTheMeasurements() {
    List<Measurement> shuffled = days(4);
    Collections.reverse(shuffled);

    assertThat(History.of("test", shuffled).runs()).extracting(Run::day)
        .containsExactly("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04");
  }

  @Test
  void table_hasARowPerRunAndTheChanges() {
    String text = HistoryText.table(History.of("h.db", days(9)));

    assertThat(text).contains("9 runs from 2026-03-01 10:00:00 to 2026-03-09 10:00:00 UTC, in h.db",
        "2026-03-04 10:00:00  AS12389 RU  partially blocked (dns.nxdomain)",
        "  whatsapp web: dns.nxdomain \u2192 tls.reset on 2026-03-08");
  }

  @Test
  void russianTable_saysTheSameInRussian_methodsUnchanged() {
    String text = HistoryText.table(History.of("h.db", days(9)), Texts.of(Lang.RU));

    assertThat(text).contains("9 запусков с 2026-03-01 10:00:00 по 2026-03-09 10:00:00 UTC, в h.db",
        "2026-03-04 10:00:00  AS12389 RU  частично заблокирован (dns.nxdomain)",
        "  whatsapp web: dns.nxdomain \u2192 tls.reset, 2026-03-08",
        "  telegram: tcp.throttle \u2192 доступен, 2026-03-09");
  }

  @Test
  void html_drawsBothChartsAsInlineSvg_andLoadsNothing() {
    String page = HistoryHtml.render(History.of("h.db", days(12)));

    assertThat(page).contains("<h2>Status over time</h2>", "<h2>How it is blocked, over time</h2>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"", ">tls.reset<", "<dt>dns.nxdomain</dt>",
        "whatsapp web: dns.nxdomain \u2192 tls.reset on 2026-03-08")
        .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("href")
        .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import");
  }

  @Test
  void emptyHistory_saysHowToFillIt() {
    History h = History.of("h.db", List.of());

    assertThat(HistoryText.table(h)).contains("No runs recorded in h.db");
    assertThat(HistoryHtml.render(h)).contains("No runs recorded in h.db").doesNotContain("<svg");
  }
}
