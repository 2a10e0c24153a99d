package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.schedule.FakeCommands;
import dev.msgprobe.schedule.Host;
import dev.msgprobe.testing.LoopbackServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code msgprobe schedule}, with a home directory and systemctl/crontab that are fakes. */
@Timeout(60)
class ScheduleCommandTest {
  @TempDir
  Path home;
  private final FakeCommands commands = new FakeCommands();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Host host;

  @BeforeEach
  void host() {
    host = new Host(Map.of("XDG_DATA_HOME", home.resolve("data").toString()), home, commands,
        Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC));
  }

  private int schedule(String... args) {
    CommandLine cmd = new CommandLine(new ScheduleCommand(host));
    ScheduleCommand.configure(cmd);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private Path units() {
    return home.resolve(".config/systemd/user");
  }

  @Test
  void installWithSystemd_writesServiceAndTimerAndEnablesTheTimer() throws Exception {
    commands.systemd = true;

    int status = schedule("install", "--every", "6h", "--program", "/opt/msgprobe/bin/msgprobe",
        "telegram", "--timeout", "10");

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readString(units().resolve("msgprobe.service"))).contains(
        "ExecStart=/opt/msgprobe/bin/msgprobe schedule run --keep-days 30 --keep 200 -- telegram --timeout 10",
        "Type=oneshot", "After=network-online.target");
    assertThat(Files.readString(units().resolve("msgprobe.timer"))).contains(
        "OnUnitActiveSec=6h", "OnBootSec=5min", "WantedBy=timers.target");
    assertThat(commands.changes()).containsExactly(
        "systemctl --user daemon-reload", "systemctl --user enable --now msgprobe.timer");
    assertThat(home.resolve("data/msgprobe/reports")).isDirectory();
    assertThat(out.toString()).contains("every 6h", "loginctl enable-linger");
  }

  @Test
  void removeAfterInstall_disablesTheTimerAndDeletesBothUnits() {
    commands.systemd = true;
    schedule("install", "--program", "/usr/bin/msgprobe");
    commands.issued.clear();

    int status = schedule("remove");

    assertThat(status).as(err.toString()).isZero();
    assertThat(units()).isEmptyDirectory();
    assertThat(commands.changes()).containsExactly(
        "systemctl --user disable --now msgprobe.timer", "systemctl --user daemon-reload");
  }

  @Test
  void installWithoutSystemd_addsOneCronLine_andRemoveRestoresTheUsersCrontab() {
    String mine = "# my jobs\n15 4 * * * /home/me/backup.sh\n";
    commands.crontab = mine;

    assertThat(schedule("install", "--every", "1h", "--program", "/opt/msgprobe/bin/msgprobe", "whatsapp")).isZero();
    assertThat(commands.crontab).startsWith(mine).contains(
        "7 * * * * /opt/msgprobe/bin/msgprobe schedule run --keep-days 30 --keep 200 -- whatsapp >>"
            + home.resolve("data/msgprobe/schedule.log") + " 2>&1 # msgprobe-schedule");
    assertThat(commands.crontab.lines()).hasSize(3);

    assertThat(schedule("install", "--every", "6h", "--program", "/opt/msgprobe/bin/msgprobe")).isZero();
    assertThat(commands.crontab.lines().filter(l -> l.contains("msgprobe-schedule"))).hasSize(1);

    assertThat(schedule("remove")).isZero();
    assertThat(commands.crontab).isEqualTo(mine);
  }

  @Test
  void removeOfTheOnlyCronLine_removesTheCrontabItWrote() {
    schedule("install", "--program", "/usr/bin/msgprobe");

    schedule("remove");

    assertThat(commands.crontab).isNull();
    assertThat(commands.changes()).last().isEqualTo("crontab -r");
  }

  @Test
  void dryRun_printsTheFilesAndCommandsAndChangesNothing() {
    commands.systemd = true;

    int status = schedule("install", "--dry-run", "--program", "/usr/bin/msgprobe");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("write " + units().resolve("msgprobe.timer"), "OnUnitActiveSec=6h",
        "run systemctl --user enable --now msgprobe.timer");
    assertThat(commands.changes()).isEmpty();
    assertThat(home.resolve(".config")).doesNotExist();
  }

  @Test
  void neitherSystemdNorCron_isRefusedSayingWhatToInstall() {
    commands.cron = false;

    assertThat(schedule("install", "--program", "/usr/bin/msgprobe")).isEqualTo(2);
    assertThat(err.toString()).contains("apt-get install cron");
  }

  @Test
  void aRunOptionTypoOrAnOwnOption_isRefusedAtInstallTime() {
    commands.systemd = true;

    assertThat(schedule("install", "--program", "/usr/bin/msgprobe", "--", "--timout", "5")).isEqualTo(2);
    assertThat(schedule("install", "--program", "/usr/bin/msgprobe", "-o", "x.jsonl")).isEqualTo(2);
    assertThat(schedule("install", "--every", "5s", "--program", "/usr/bin/msgprobe")).isEqualTo(2);

    assertThat(err.toString()).contains("--timout", "-o: the schedule names the report itself", "'5s'");
    assertThat(commands.changes()).isEmpty();
  }

  @Test
  void removeWithNothingInstalled_saysSo() {
    assertThat(schedule("remove")).isZero();
    assertThat(out.toString()).contains("no schedule installed");
  }

  @Test
  void status_showsTheTimerAndTheReportsKept() throws Exception {
    commands.systemd = true;
    schedule("install", "--program", "/usr/bin/msgprobe");
    Files.writeString(home.resolve("data/msgprobe/reports/msgprobe-20261207T000000Z.jsonl"), "");

    assertThat(schedule("status")).isZero();

    assertThat(out.toString()).contains("msgprobe.timer", "reports: 1 in", "latest msgprobe-20261207T000000Z.jsonl");
  }

  @Test
  void scheduledRun_writesANewReportInTheDataDirectoryAndDeletesExpiredOnes() throws Exception {
    Path reports = Files.createDirectories(home.resolve("data/msgprobe/reports"));
    Files.writeString(reports.resolve("msgprobe-20260101T000000Z.jsonl"), "");
    Files.writeString(reports.resolve("msgprobe-20260101T000000Z.summary.json"), "");
    int closed = LoopbackServer.closedPort();

    int status = schedule("run", "--keep-days", "30", "--", "--controls", "none", "--no-doh", "--resolver-echo", "none",
        "--resolver", "127.0.0.1:" + closed, "--timeout", "1", "tcp://127.0.0.1:" + closed);

    assertThat(status).as(err.toString()).isZero();
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "msgprobe-20261207T060000Z.jsonl", "msgprobe-20261207T060000Z.summary.json");
    }
    assertThat(out.toString()).contains("deleted 2 old report files");
  }
}
