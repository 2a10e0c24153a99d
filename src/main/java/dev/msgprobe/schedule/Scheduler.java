package dev.msgprobe.schedule;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs, removes and shows the periodic run: a systemd user timer where a user manager answers,
 * otherwise (or with {@code cron}) a crontab line. Removal undoes whichever is installed.
 */
public final class Scheduler {
  private final Host host;
  private final SystemdTimer systemd;
  private final CronTable cron;

  public Scheduler(Host host) {
    this.host = host;
    this.systemd = new SystemdTimer(host);
    this.cron = new CronTable(host);
  }

  /** The changes that install {@code job}; any existing schedule is replaced. */
  public List<Action> planInstall(Job job, boolean forceCron) throws IOException {
    List<Action> actions = new ArrayList<>();
    actions.add(new Action.MakeDirectory(host.reportsDir()));
    if (!forceCron && systemd.available()) {
      if (cron.installed(cron.current())) {
        actions.addAll(cron.remove(cron.current()));
      }
      actions.addAll(systemd.install(job));
    } else {
      if (systemd.installed()) {
        actions.addAll(systemd.remove());
      }
      String table;
      try {
        table = cron.current();
      } catch (IOException e) {
        throw new IOException("no systemd user manager answers and crontab does not work (" + e.getMessage()
            + "): install cron (Debian: apt-get install cron) or start `msgprobe schedule run` from your own scheduler", e);
      }
      actions.addAll(cron.install(job, table));
    }
    return actions;
  }

  /** The changes that remove every schedule this program installed; empty when there is none. */
  public List<Action> planRemove() throws IOException {
    List<Action> actions = new ArrayList<>();
    if (systemd.installed()) {
      actions.addAll(systemd.remove());
    }
    String table = currentCrontab();
    if (cron.installed(table)) {
      actions.addAll(cron.remove(table));
    }
    return actions;
  }

  /** Carries out {@code actions} in order; stops at the first command that fails. */
  public void perform(List<Action> actions) throws IOException {
    for (Action action : actions) {
      if (action instanceof Action.WriteFile w) {
        Files.createDirectories(w.file().getParent());
        Files.writeString(w.file(), w.text(), StandardCharsets.UTF_8);
      } else if (action instanceof Action.MakeDirectory m) {
        Files.createDirectories(m.dir());
      } else if (action instanceof Action.DeleteFile d) {
        Files.deleteIfExists(d.file());
      } else if (action instanceof Action.Run r) {
        Host.Result result = host.commands().run(r.argv(), r.stdin());
        if (!result.ok()) {
          throw new IOException(String.join(" ", r.argv()) + " failed (exit " + result.status() + "): "
              + (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip());
        }
      }
    }
  }

  /** What is installed, its recent state, and the reports kept so far. */
  public void status(PrintWriter out) throws IOException {
    boolean any = false;
    if (systemd.installed()) {
      any = true;
      out.println("systemd user timer: " + host.systemdUserDir().resolve(SystemdTimer.TIMER));
      for (List<String> argv : systemd.statusCommands()) {
        Host.Result r = host.commands().run(argv, null);
        out.println(r.stdout().stripTrailing().indent(2).stripTrailing());
      }
    }
    String table = currentCrontab();
    if (cron.installed(table)) {
      any = true;
      out.println("crontab line:");
      out.println("  " + cron.ourLine(table));
    }
    if (!any) {
      out.println("no schedule installed (msgprobe schedule install --every 6h)");
    }
    Path dir = host.reportsDir();
    List<Path> reports = reports(dir);
    out.printf("reports: %d in %s%s%n", reports.size(), dir,
        reports.isEmpty() ? "" : "; latest " + reports.get(reports.size() - 1).getFileName());
    out.flush();
  }

  private static List<Path> reports(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("msgprobe-.*\\.jsonl"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  /** The crontab, or "" where cron is not installed at all. */
  private String currentCrontab() throws IOException {
    try {
      return cron.current();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("crontab -l failed")) {
        throw e;
      }
      return "";
    }
  }
}
