package dev.msgprobe.store;

import static dev.msgprobe.testing.ReportLines.from;
import static dev.msgprobe.testing.ReportLines.inRun;
import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store does, whatever its engine. */
abstract class StoreContract {
  static final String WEB = "https://web.whatsapp.com/";
  static final String DC = "tcp://149.154.175.50:443";

  Store store;

  abstract Store openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Measurement at(Measurement m, String reportId, String start) {
    return inRun(m, reportId, start, start);
  }

  @Test
  void addingTheSameMeasurementTwice_storesItOnce() throws Exception {
    Measurement web = line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET);
    Measurement dc = line(DC, "telegram", Status.REACHABLE, Method.OK);

    assertThat(store.add(List.of(web, dc), "local")).isEqualTo(2);
    assertThat(store.add(List.of(web, dc), "local")).isZero();

    assertThat(store.measurements(Query.ALL)).containsExactlyInAnyOrder(web, dc);
  }

  @Test
  void measurementsOfMonthsApart_areAllKept_andSinceSelectsTheLaterOnes() throws Exception {
    Measurement march = at(line(WEB, "whatsapp", Status.REACHABLE, Method.OK), "r1", "2026-03-01 10:00:00");
    Measurement april = at(line(WEB, "whatsapp", Status.BLOCKED, Method.DNS_NXDOMAIN), "r2", "2026-04-02 10:00:00");
    store.add(List.of(march, april), "local");

    assertThat(store.measurements(Query.ALL)).containsExactly(march, april);
    assertThat(store.measurements(new Query(LocalDateTime.of(2026, 4, 1, 0, 0), null))).containsExactly(april);
  }

  @Test
  void serviceQuery_keepsTheControls() throws Exception {
    Measurement web = line(WEB, "whatsapp", Status.REACHABLE, Method.OK);
    Measurement dc = line(DC, "telegram", Status.REACHABLE, Method.OK);
    Measurement control = line("https://example.org/", "control", Status.REACHABLE, Method.OK);
    store.add(List.of(web, dc, control), "local");

    assertThat(store.measurements(new Query(null, "whatsapp"))).containsExactlyInAnyOrder(web, control);
  }

  @Test
  void latestByAsn_keepsTheLatestMeasurementOfEachEndpointPerNetwork() throws Exception {
    Measurement oldRt = from(at(line(WEB, "whatsapp", Status.REACHABLE, Method.OK), "a", "2026-03-01 10:00:00"), "AS12389", "RU");
    Measurement newRt = from(at(line(WEB, "whatsapp", Status.BLOCKED, Method.TLS_RESET), "b", "2026-03-02 10:00:00"), "AS12389", "RU");
    Measurement other = from(at(line(WEB, "whatsapp", Status.REACHABLE, Method.OK), "c", "2026-03-02 11:00:00"), "AS31213", "RU");
    store.add(List.of(oldRt, newRt, other), "local");

    Map<String, List<Measurement>> byAsn = store.latestBy(Grouping.ASN, Query.ALL);
    assertThat(byAsn).containsOnlyKeys("AS12389", "AS31213");
    assertThat(byAsn.get("AS12389")).containsExactly(newRt);
    assertThat(byAsn.get("AS31213")).containsExactly(other);
    assertThat(store.latestBy(Grouping.CC, Query.ALL).get("RU")).as("one endpoint, latest anywhere in RU").containsExactly(other);
  }

  @Test
  void reports_areOpenedOnce_andClosed() throws Exception {
    OpenedReport r = new OpenedReport("20260301T100000Z_x", "msgprobe_endpoint", "AS1", "RU", "probe-1", "msgprobe 0.1.0",
        LocalDateTime.of(2026, 3, 1, 10, 0), null);

    assertThat(store.openReport(r)).isTrue();
    assertThat(store.openReport(r)).isFalse();
    assertThat(store.report(r.reportId())).hasValueSatisfying(o -> {
      assertThat(o.probe()).isEqualTo("probe-1");
      assertThat(o.closed()).isNull();
    });
    assertThat(store.closeReport(r.reportId())).isTrue();
    assertThat(store.report(r.reportId()).orElseThrow().closed()).isNotNull();
    assertThat(store.closeReport("unknown")).isFalse();
  }
}
