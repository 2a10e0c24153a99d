package dev.msgprobe.cli;

import dev.msgprobe.i18n.Texts;
import dev.msgprobe.report.ReportIds;
import dev.msgprobe.schedule.Action;
import dev.msgprobe.schedule.Every;
import dev.msgprobe.schedule.Host;
import dev.msgprobe.schedule.Job;
import dev.msgprobe.schedule.Rotation;
import dev.msgprobe.schedule.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe schedule install|remove|status}: leave the probe running periodically. */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class ScheduleCommand {
  private static final Set<String> OWN_RUN_OPTIONS = Set.of("-o", "--output", "--resume");

  @Spec CommandSpec spec;
  private final Host host;

  ScheduleCommand() {
    this(Host.system());
  }

  ScheduleCommand(Host host) {
    this.host = host;
  }

  /** Lets {@code schedule install} and {@code schedule run} take run options without a {@code --}. */
  static void configure(CommandLine schedule) {
    schedule.getSubcommands().get("install").setUnmatchedOptionsArePositionalParams(true);
    schedule.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
    schedule.getSubcommands().get("run").getCommandSpec().usageMessage().hidden(true);
  }

  @Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false)
  int install(
      @Option(names = "--every", paramLabel = "PERIOD", defaultValue = "6h") String every,
      @Option(names = "--keep-days", paramLabel = "DAYS", defaultValue = "30") int keepDays,
      @Option(names = "--keep", paramLabel = "N", defaultValue = "200") int keep,
      @Option(names = "--cron") boolean forceCron,
      @Option(names = "--program", paramLabel = "PATH") Path program,
      @Option(names = "--dry-run") boolean dryRun,
      @Parameters(paramLabel = "RUN-ARG", descriptionKey = "RUN-ARG", arity = "0..*")
      List<String> runArgs) {
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    Job job;
    try {
      Every period = Every.parse(every);
      new Rotation(keepDays, keep);
      List<String> args = runArgs == null ? List.of() : runArgs;
      checkRunArgs(args, texts);
      List<String> command = new ArrayList<>(program != null ? List.of(program.toAbsolutePath().toString()) : thisProgram(texts));
      command.addAll(List.of("schedule", "run", "--keep-days", String.valueOf(keepDays), "--keep", String.valueOf(keep), "--"));
      command.addAll(args);
      job = new Job(command, period, host.dataDir().resolve("schedule.log"));
    } catch (IllegalArgumentException e) {
      err.println(texts.get("schedule.error", "install", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    return apply("install", () -> new Scheduler(host).planInstall(job, forceCron), dryRun,
        texts.get("schedule.installed", job.every().systemd(), host.reportsDir()));
  }

  @Command(name = "remove", mixinStandardHelpOptions = true)
  int remove(@Option(names = "--dry-run") boolean dryRun) {
    return apply("remove", () -> new Scheduler(host).planRemove(), dryRun,
        Main.texts(spec).get("schedule.removed", host.reportsDir()));
  }

  @Command(name = "status", mixinStandardHelpOptions = true)
  int status() {
    try {
      new Scheduler(host).status(spec.commandLine().getOut());
      return ExitCode.OK;
    } catch (IOException e) {
      spec.commandLine().getErr().println(Main.texts(spec).get("schedule.error", "status", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
  }

  @Command(name = "run")
  int run(
      @Option(names = "--keep-days", defaultValue = "30") int keepDays,
      @Option(names = "--keep", defaultValue = "200") int keep,
      @Parameters(arity = "0..*") List<String> runArgs) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    Rotation rotation;
    Path report = host.reportsDir().resolve("msgprobe-" + ReportIds.compactTime(host.clock().instant()) + ".jsonl");
    List<String> args = new ArrayList<>(List.of("run", "--no-progress", "-o", report.toString()));
    try {
      rotation = new Rotation(keepDays, keep);
      checkRunArgs(runArgs == null ? List.of() : runArgs, texts);
      Files.createDirectories(report.getParent());
    } catch (IllegalArgumentException | IOException e) {
      err.println(texts.get("schedule.error", "run", e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    if (runArgs != null) {
      args.addAll(runArgs);
    }
    int status = Main.run(out, err, args.toArray(String[]::new));
    try {
      List<String> deleted = rotation.apply(report.getParent(), host.clock().instant());
      if (!deleted.isEmpty()) {
        out.println(texts.get("schedule.deleted", deleted.size(), String.join(", ", deleted)));
      }
    } catch (IOException e) {
      err.println(texts.get("schedule.error", "run", texts.get("schedule.cannotDelete", e.getMessage())));
    }
    out.flush();
    return status;
  }

  private interface Plan {
    List<Action> make() throws IOException;
  }

  private int apply(String verb, Plan plan, boolean dryRun, String done) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Texts texts = Main.texts(spec);
    try {
      List<Action> actions = plan.make();
      if (actions.isEmpty()) {
        out.println(texts.get("schedule.nothing", verb));
      } else if (dryRun) {
        actions.forEach(out::println);
      } else {
        new Scheduler(host).perform(actions);
        out.println(done);
      }
      out.flush();
      return ExitCode.OK;
    } catch (IOException e) {
      err.println(texts.get("schedule.error", verb, e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
  }

  /** Run options are checked now, so a typo shows at install time rather than in a log at 3 a.m. */
  private static void checkRunArgs(List<String> args, Texts texts) {
    for (String a : args) {
      if (OWN_RUN_OPTIONS.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a)) {
        throw new IllegalArgumentException(texts.get("schedule.ownOption", a));
      }
    }
    try {
      new CommandLine(new RunCommand()).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(texts.get("schedule.runOptions", e.getMessage()));
    }
  }

  /** This JVM and jar: {@code /path/to/java -jar /path/to/msgprobe.jar}. */
  private static List<String> thisProgram(Texts texts) {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jar;
    try {
      jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException e) {
      throw new IllegalArgumentException(texts.get("schedule.whichJar"));
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(texts.get("schedule.notAJar", jar));
    }
    return List.of(java, "-jar", jar.toString());
  }
}
