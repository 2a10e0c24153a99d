package dev.msgprobe.cli;

import dev.msgprobe.i18n.Lang;
import dev.msgprobe.i18n.Texts;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code msgprobe} root command. Its help and every message come from the bundle {@link Texts#BUNDLE};
 * the language is decided before the command tree is built ({@code --lang}, else the environment's locale).
 */
@Command(name = "msgprobe", resourceBundle = Texts.BUNDLE,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {RunCommand.class, ListsCommand.class, ReportCommand.class, CompareCommand.class, HelperCommand.class,
        HistoryCommand.class, ImportCommand.class, CollectorCommand.class, SubmitCommand.class, ScheduleCommand.class,
        CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
    synopsisSubcommandLabel = "COMMAND")
public final class Main {
  private final Map<String, String> env;
  private final Texts texts;

  /** Decided before parsing (see {@link Lang#chosen}); declared so that every command accepts it. */
  @Option(names = "--lang", paramLabel = "ru|en", scope = ScopeType.INHERIT, order = 90)
  Lang lang;

  private Main(Map<String, String> env, Texts texts) {
    this.env = Map.copyOf(env);
    this.texts = texts;
  }

  /** The commands over the process's environment, in English (for tools that build the command tree themselves: man pages). */
  Main() {
    this(System.getenv(), Texts.english());
  }

  /** The texts of the language this command line speaks. */
  Texts texts() {
    return texts;
  }

  /** The texts of the command line that {@code spec} belongs to (English when built without {@link Main}). */
  static Texts texts(CommandSpec spec) {
    return spec != null && spec.root().userObject() instanceof Main main ? main.texts : Texts.english();
  }

  /** The environment the commands see (XDG_DATA_HOME, HOME): the process's, or the one a test passes. */
  Map<String, String> env() {
    return env;
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Charset charset = consoleCharset(env, Lang.chosen(args, env));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset), true);
    int status = run(out, err, env, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * UTF-8 when the locale names it or the text is Russian (a JVM whose locale is not installed would
   * print Cyrillic as '?'); otherwise the JVM's own choice for stdout.
   */
  static Charset consoleCharset(Map<String, String> env, Lang lang) {
    String locale = String.join(" ", env.getOrDefault("LC_ALL", ""), env.getOrDefault("LC_CTYPE", ""),
        env.getOrDefault("LANG", "")).toLowerCase(java.util.Locale.ROOT);
    if (lang == Lang.RU || locale.contains("utf-8") || locale.contains("utf8")) {
      return StandardCharsets.UTF_8;
    }
    String own = System.getProperty("stdout.encoding", System.getProperty("native.encoding"));
    return own != null && Charset.isSupported(own) ? Charset.forName(own) : Charset.defaultCharset();
  }

  /** Runs msgprobe with the given streams; the entry point tests call. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** Runs msgprobe with the given streams and environment (where the local history lives). */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    CommandLine cmd = commandLine(out, err, env, Lang.chosen(args, env));
    return cmd.execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, System.getenv(), Lang.EN);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    return commandLine(out, err, env, Lang.fromEnvironment(env));
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env, Lang lang) {
    Texts texts = Texts.of(lang);
    CommandLine cmd = new CommandLine(new Main(env, texts));
    cmd.setResourceBundle(texts.bundle());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.registerConverter(LocalDateTime.class, new Since(texts));
    // `msgprobe generate-completion` prints the bash/zsh completion script; the release ships it
    ScheduleCommand.configure(cmd.getSubcommands().get("schedule"));
    cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println(texts.get("error.internal", ex));
      ex.printStackTrace(c.getErr());
      return ExitCodes.INTERNAL_ERROR;
    });
    cmd.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println(texts.get("error.usage", ex.getMessage()));
      ex.getCommandLine().getErr().println(texts.get("error.tryHelp",
          ex.getCommandLine().getCommandSpec().qualifiedName()));
      return ExitCodes.BAD_INPUT;
    });
    return cmd;
  }
}
