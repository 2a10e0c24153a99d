package dev.msgprobe.report;

import static dev.msgprobe.testing.ReportLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Method;
import dev.msgprobe.model.Status;
import dev.msgprobe.testing.ReportLines;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestMeasurementsTest {
  private static final Measurement WEB_BLOCKED = line("https://web.whatsapp.com/", "whatsapp", Status.BLOCKED,
      Method.TLS_RESET);
  private static final Measurement WEB_REACHABLE = line("https://web.whatsapp.com/", "whatsapp", Status.REACHABLE,
      Method.OK);
  private static final Measurement DC = line("tcp://149.154.175.50:443", "telegram", Status.REACHABLE, Method.OK);

  @Test
  void endpointMeasuredTwice_latestStartTimeWins_atItsFirstPosition() {
    List<Measurement> kept = LatestMeasurements.of(List.of(
        at(WEB_REACHABLE, "2026-11-29 08:00:00"), DC, at(WEB_BLOCKED, "2026-11-28 08:00:00")));

    assertThat(kept).extracting(Measurement::input).containsExactly("https://web.whatsapp.com/",
        "tcp://149.154.175.50:443");
    assertThat(kept.get(0).testKeys().verdict().status()).isEqualTo(Status.REACHABLE);
  }

  @Test
  void sameStartTime_theOneGivenLaterWins() {
    List<Measurement> kept = LatestMeasurements.of(List.of(WEB_REACHABLE, WEB_BLOCKED));

    assertThat(kept).singleElement().extracting(m -> m.testKeys().verdict().status()).isEqualTo(Status.BLOCKED);
  }

  @Test
  void missingStartTime_isOlderThanAnyOther() {
    List<Measurement> kept = LatestMeasurements.of(List.of(at(WEB_BLOCKED, "2026-11-28 08:00:00"),
        at(WEB_REACHABLE, null)));

    assertThat(kept).singleElement().extracting(m -> m.testKeys().verdict().status()).isEqualTo(Status.BLOCKED);
  }

  @Test
  void controlWithTheUriOfAnEndpoint_isKeptApartFromIt() {
    Measurement control = line("https://max.ru/", "control", Status.REACHABLE, Method.OK);
    Measurement endpoint = line("https://max.ru/", "max", Status.BLOCKED, Method.TLS_RESET);

    assertThat(LatestMeasurements.of(List.of(control, endpoint))).containsExactly(control, endpoint);
  }

  @Test
  void getAndPostOfOneUri_areTwoEndpoints() {
    Measurement get = line("http://149.154.175.50:443/", "telegram", Status.REACHABLE, Method.OK);
    Measurement post = ReportLines.annotated(get, "method", "POST");

    assertThat(LatestMeasurements.of(List.of(get, post))).containsExactly(get, post);
  }

  private static Measurement at(Measurement m, String start) {
    return ReportLines.inRun(m, ReportLines.RUN, ReportLines.STARTED, start);
  }
}
