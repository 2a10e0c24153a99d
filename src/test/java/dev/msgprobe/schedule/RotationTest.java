package dev.msgprobe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void reportsOlderThanKeepDays_goWithTheirSummaries() {
    List<String> names = List.of(
        "msgprobe-20261101T000000Z.jsonl", "msgprobe-20261101T000000Z.summary.json",
        "msgprobe-20261130T000000Z.jsonl", "msgprobe-20261130T000000Z.summary.json");

    assertThat(new Rotation(30, 200).expired(names, NOW))
        .containsExactly("msgprobe-20261101T000000Z.jsonl", "msgprobe-20261101T000000Z.summary.json");
  }

  @Test
  void moreReportsThanKeep_theOldestGo() {
    List<String> names = List.of("msgprobe-20261207T000000Z.jsonl", "msgprobe-20261206T000000Z.jsonl",
        "msgprobe-20261205T000000Z.jsonl", "msgprobe-20261207T060000Z.jsonl");

    assertThat(new Rotation(30, 2).expired(names, NOW))
        .containsExactly("msgprobe-20261205T000000Z.jsonl", "msgprobe-20261206T000000Z.jsonl");
  }

  @Test
  void filesNotNamedLikeScheduledReports_areNeverTouched() {
    List<String> names = List.of("notes.txt", "msgprobe-old.jsonl", "msgprobe-20201301T000000Z.jsonl", "my-2019-run.jsonl");

    assertThat(new Rotation(1, 1).expired(names, NOW)).isEmpty();
  }

  @Test
  void apply_deletesTheExpiredFilesInTheDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("msgprobe-20200101T000000Z.jsonl"), "{}\n");
    Files.writeString(dir.resolve("msgprobe-20261207T000000Z.jsonl"), "{}\n");
    Files.writeString(dir.resolve("keep-me.txt"), "x");

    assertThat(new Rotation(30, 10).apply(dir, NOW)).containsExactly("msgprobe-20200101T000000Z.jsonl");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "msgprobe-20261207T000000Z.jsonl", "keep-me.txt");
    }
  }

  @Test
  void keepOfZero_isRefused() {
    assertThatThrownBy(() -> new Rotation(30, 0)).hasMessageContaining("--keep");
  }
}
