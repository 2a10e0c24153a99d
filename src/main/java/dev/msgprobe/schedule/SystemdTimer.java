package dev.msgprobe.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A systemd user service ({@code msgprobe.service}) started by a user timer ({@code msgprobe.timer}). */
public final class SystemdTimer {
  public static final String SERVICE = "msgprobe.service";
  public static final String TIMER = "msgprobe.timer";
  private final Host host;

  public SystemdTimer(Host host) {
    this.host = host;
  }

  /** Whether a systemd user manager answers ({@code systemctl --user show-environment}). */
  public boolean available() {
    try {
      return host.commands().run(List.of("systemctl", "--user", "show-environment"), null).ok();
    } catch (java.io.IOException notInstalled) {
      return false;
    }
  }

  public boolean installed() {
    return Files.exists(unitDir().resolve(TIMER)) || Files.exists(unitDir().resolve(SERVICE));
  }

  public List<Action> install(Job job) {
    return List.of(
        new Action.WriteFile(unitDir().resolve(SERVICE), service(job)),
        new Action.WriteFile(unitDir().resolve(TIMER), timer(job)),
        systemctl("daemon-reload"),
        systemctl("enable", "--now", TIMER));
  }

  public List<Action> remove() {
    List<Action> actions = new ArrayList<>();
    actions.add(systemctl("disable", "--now", TIMER));
    for (String unit : List.of(TIMER, SERVICE)) {
      if (Files.exists(unitDir().resolve(unit))) {
        actions.add(new Action.DeleteFile(unitDir().resolve(unit)));
      }
    }
    actions.add(systemctl("daemon-reload"));
    return actions;
  }

  /** The commands whose output {@code schedule status} shows. */
  public List<List<String>> statusCommands() {
    return List.of(List.of("systemctl", "--user", "list-timers", "--all", TIMER),
        List.of("systemctl", "--user", "status", "--no-pager", "--lines=5", SERVICE));
  }

  String service(Job job) {
    return """
        # Installed by `msgprobe schedule install`; `msgprobe schedule remove` deletes it.
        [Unit]
        Description=msgprobe: are messaging services reachable or censored from this network?
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        ExecStart=%s
        Nice=10
        TimeoutStartSec=2h
        """.formatted(execLine(job.command()));
  }

  String timer(Job job) {
    return """
        # Installed by `msgprobe schedule install`; `msgprobe schedule remove` deletes it.
        [Unit]
        Description=Run msgprobe every %1$s

        [Timer]
        OnBootSec=5min
        OnUnitActiveSec=%1$s
        RandomizedDelaySec=2min

        [Install]
        WantedBy=timers.target
        """.formatted(job.every().systemd());
  }

  /** systemd's quoting: double quotes with backslash escapes; {@code %} and {@code $} doubled. */
  static String execLine(List<String> argv) {
    return argv.stream().map(SystemdTimer::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    String escaped = arg.replace("%", "%%").replace("$", "$$");
    if (!escaped.isEmpty() && escaped.chars().noneMatch(c -> Character.isWhitespace(c) || "\"'\\;".indexOf(c) >= 0)) {
      return escaped;
    }
    return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private Path unitDir() {
    return host.systemdUserDir();
  }

  private static Action systemctl(String... args) {
    List<String> argv = new ArrayList<>(List.of("systemctl", "--user"));
    argv.addAll(List.of(args));
    return new Action.Run(argv, null);
  }
}
