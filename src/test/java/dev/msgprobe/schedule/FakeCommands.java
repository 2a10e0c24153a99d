package dev.msgprobe.schedule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * systemctl and crontab as tests need them: records every command; systemd answers when
 * {@code systemd} is set; the crontab is a string; a missing tool is an {@link IOException}.
 */
public final class FakeCommands implements Host.Commands {
  public final List<String> issued = new ArrayList<>();
  public boolean systemd;
  public boolean cron = true;
  public String crontab;

  @Override
  public Host.Result run(List<String> argv, String stdin) throws IOException {
    String line = String.join(" ", argv);
    issued.add(line);
    if (argv.get(0).equals("systemctl")) {
      if (!systemd) {
        throw new IOException("Cannot run program \"systemctl\": error=2, No such file or directory");
      }
      return new Host.Result(0, line.contains("list-timers") ? "NEXT LEFT LAST PASSED UNIT\nmsgprobe.timer\n" : "", "");
    }
    if (argv.get(0).equals("crontab")) {
      if (!cron) {
        throw new IOException("Cannot run program \"crontab\": error=2, No such file or directory");
      }
      switch (argv.get(1)) {
        case "-l":
          return crontab == null ? new Host.Result(1, "", "no crontab for tester\n") : new Host.Result(0, crontab, "");
        case "-":
          crontab = stdin;
          return new Host.Result(0, "", "");
        case "-r":
          crontab = null;
          return new Host.Result(0, "", "");
        default:
          break;
      }
    }
    return new Host.Result(127, "", argv.get(0) + ": not faked");
  }

  /** The commands issued that change something (not the queries). */
  public List<String> changes() {
    return issued.stream().filter(c -> !c.equals("systemctl --user show-environment") && !c.equals("crontab -l")).toList();
  }
}
