package dev.msgprobe.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The machine as the scheduler sees it: environment, home directory, commands, clock. */
public record Host(Map<String, String> env, Path home, Commands commands, Clock clock) {

  /** Runs an external command (systemctl, crontab) and returns what it said. */
  @FunctionalInterface
  public interface Commands {
    /**
     * @param stdin text written to the command's standard input, or null for none
     * @throws IOException when the command cannot be started (e.g. it is not installed)
     */
    Result run(List<String> argv, String stdin) throws IOException;
  }

  /** An external command's exit status and output. */
  public record Result(int status, String stdout, String stderr) {
    public boolean ok() {
      return status == 0;
    }
  }

  /** The real machine: this process's environment, {@code $HOME} (else {@code user.home}), real processes, UTC clock. */
  public static Host system() {
    String home = System.getenv("HOME");
    Path dir = home != null && !home.isEmpty() && Path.of(home).isAbsolute() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    return new Host(System.getenv(), dir, new Processes(), Clock.systemUTC());
  }

  /** {@code $XDG_CONFIG_HOME/systemd/user}, else {@code ~/.config/systemd/user}. */
  public Path systemdUserDir() {
    return xdg("XDG_CONFIG_HOME", ".config").resolve("systemd").resolve("user");
  }

  /** {@code $XDG_DATA_HOME/msgprobe}, else {@code ~/.local/share/msgprobe}. */
  public Path dataDir() {
    return xdg("XDG_DATA_HOME", ".local/share").resolve("msgprobe");
  }

  public Path reportsDir() {
    return dataDir().resolve("reports");
  }

  private Path xdg(String variable, String fallback) {
    String value = env.get(variable);
    // the XDG spec: a relative or empty value is ignored
    return value != null && !value.isEmpty() && Path.of(value).isAbsolute() ? Path.of(value) : home.resolve(fallback);
  }
}
