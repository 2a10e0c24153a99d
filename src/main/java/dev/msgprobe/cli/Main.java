package dev.msgprobe.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code msgprobe} root command. */
@Command(name = "msgprobe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Tells, from the network it runs on, whether messaging services (WhatsApp, Telegram, MAX)"
            + " are reachable or censored, and exactly how.",
        "Writes OONI-format JSONL reports and a summary."},
    subcommands = {RunCommand.class, ListsCommand.class, ReportCommand.class, CompareCommand.class, HelperCommand.class,
        HistoryCommand.class, ImportCommand.class, CollectorCommand.class, SubmitCommand.class, ScheduleCommand.class,
        CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the run completed",
        "1:--fail-on matched a service status",
        "2:bad usage or bad input (nothing measured)",
        "3:the probe had no working network (every control failed)",
        "130:interrupted (what was measured is kept and summarised)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  msgprobe run                           measure the built-in lists (all)",
        "  msgprobe run telegram -o tg.jsonl      one list, report to tg.jsonl",
        "  msgprobe run https://web.whatsapp.com/",
        "  msgprobe lists show whatsapp",
        "  msgprobe helper --listen 0.0.0.0:8765   be a control vantage for other probes",
        "  msgprobe history --since 2026-03-01     what changed on this machine since March",
        "  msgprobe schedule install --every 6h    measure every 6 hours from now on"})
public final class Main {
  private final Map<String, String> env;

  private Main(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The commands over the process's environment (for tools that build the command tree themselves: man pages). */
  Main() {
    this(System.getenv());
  }

  /** The environment the commands see (XDG_DATA_HOME, HOME): the process's, or the one a test passes. */
  Map<String, String> env() {
    return env;
  }

  public static void main(String[] args) {
    int status = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(status);
  }

  /** Runs msgprobe with the given streams; the entry point tests call. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** Runs msgprobe with the given streams and environment (where the local history lives). */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    CommandLine cmd = commandLine(out, err, env);
    return cmd.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, System.getenv());
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cmd = new CommandLine(new Main(env));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // `msgprobe generate-completion` prints the bash/zsh completion script; the release ships it
    ScheduleCommand.configure(cmd.getSubcommands().get("schedule"));
    cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("msgprobe: internal error: " + ex);
      ex.printStackTrace(c.getErr());
      return ExitCodes.INTERNAL_ERROR;
    });
    cmd.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("msgprobe: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for more information.");
      return ExitCodes.BAD_INPUT;
    });
    return cmd;
  }
}
