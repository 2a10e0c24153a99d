package dev.msgprobe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportIdsTest {
  private static final Instant T = Instant.parse("2026-11-28T10:15:02.750Z");
  private final ReportIds ids = new ReportIds(Clock.fixed(T, ZoneOffset.UTC), new Random(42));

  @Test
  void reportId_hasOonisBackendShape() {
    String id = ids.newReportId("RU", "AS12389");

    assertThat(id).matches("20261128T101502Z_msgprobeendpoint_RU_12389_n1_[A-Za-z0-9]{16}");
  }

  @Test
  void reportId_randomPart_comesFromTheInjectedRandom() {
    ReportIds same = new ReportIds(Clock.fixed(T, ZoneOffset.UTC), new Random(42));

    assertThat(ids.newReportId("RU", "AS12389")).isEqualTo(same.newReportId("RU", "AS12389"));
    assertThat(ids.newReportId("RU", "AS12389")).isNotEqualTo(ids.newReportId("RU", "AS12389"));
  }

  @Test
  void reportId_withUnknownCountryAndAsn_usesZzAndZero() {
    assertThat(ids.newReportId(null, null)).startsWith("20261128T101502Z_msgprobeendpoint_ZZ_0_n1_");
    assertThat(ids.newReportId("ru", "as8359")).startsWith("20261128T101502Z_msgprobeendpoint_RU_8359_n1_");
    assertThat(ids.newReportId("Russia", "AS?")).startsWith("20261128T101502Z_msgprobeendpoint_ZZ_0_n1_");
  }

  @Test
  void times_useOonisFormats_inUtc() {
    assertThat(ids.now()).isEqualTo("2026-11-28 10:15:02");
    assertThat(ReportIds.ooniTime(T)).isEqualTo("2026-11-28 10:15:02");
    assertThat(ReportIds.compactTime(T)).isEqualTo("20261128T101502Z");
    assertThat(ReportIds.defaultReportPath(T)).isEqualTo(Path.of("reports/msgprobe-20261128T101502Z.jsonl"));
  }
}
