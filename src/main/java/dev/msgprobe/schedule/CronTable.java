package dev.msgprobe.schedule;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line in the user's crontab, marked with a trailing {@code # msgprobe-schedule} so that it
 * can be found and removed again; every other line is kept as it was.
 */
public final class CronTable {
  static final String MARK = "# msgprobe-schedule";
  private final Host host;

  public CronTable(Host host) {
    this.host = host;
  }

  /** The user's crontab, "" when there is none. */
  public String current() throws IOException {
    Host.Result r = host.commands().run(List.of("crontab", "-l"), null);
    if (r.ok()) {
      return r.stdout();
    }
    if (r.stderr().contains("no crontab")) {
      return "";
    }
    throw new IOException("crontab -l failed: " + r.stderr().strip());
  }

  public boolean installed(String table) {
    return table.lines().anyMatch(CronTable::ours);
  }

  /** @throws IllegalArgumentException when cron cannot express the job's period */
  public List<Action> install(Job job, String table) {
    String line = job.every().cron(7) + " " + shellLine(job.command()) + " >>" + shellQuote(job.log().toString())
        + " 2>&1 " + MARK;
    return List.of(new Action.Run(List.of("crontab", "-"), withoutOurs(table) + line.replace("%", "\\%") + "\n"));
  }

  public List<Action> remove(String table) {
    String rest = withoutOurs(table);
    return List.of(rest.isEmpty() ? new Action.Run(List.of("crontab", "-r"), null) : new Action.Run(List.of("crontab", "-"), rest));
  }

  public String ourLine(String table) {
    return table.lines().filter(CronTable::ours).collect(Collectors.joining("\n"));
  }

  private static String withoutOurs(String table) {
    return table.lines().filter(l -> !ours(l)).map(l -> l + "\n").collect(Collectors.joining());
  }

  private static boolean ours(String line) {
    return line.stripTrailing().endsWith(MARK);
  }

  static String shellLine(List<String> argv) {
    return argv.stream().map(CronTable::shellQuote).collect(Collectors.joining(" "));
  }

  private static String shellQuote(String arg) {
    return !arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
