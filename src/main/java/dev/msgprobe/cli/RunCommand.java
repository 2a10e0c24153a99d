package dev.msgprobe.cli;

import dev.msgprobe.engine.RunConfig;
import dev.msgprobe.engine.RunJob;
import dev.msgprobe.engine.RunJob.Outcome;
import dev.msgprobe.net.ResolvConf;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msgprobe run}: measure endpoints, write a report, print a summary. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Measure endpoints over DNS, TCP, TLS, HTTP and WebSocket, classify each one",
        "(reachable / blocked / throttled / down / inconclusive), write an OONI-format JSONL report",
        "and <report>.summary.json, and print a summary."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the run completed",
        "1:--fail-on matched a service status",
        "2:bad usage or bad input (nothing measured)",
        "3:no working network: every control failed, nothing is called blocked",
        "130:interrupted: what was measured is kept, valid and summarised"})
final class RunCommand implements Callable<Integer> {
  static final List<String> DEFAULT_DOH = List.of(
      "https://1.1.1.1/dns-query", "https://8.8.8.8/dns-query", "https://9.9.9.9/dns-query");
  static final Set<String> SERVICE_STATUSES = Set.of(
      "reachable", "blocked", "partially_blocked", "throttled", "down", "inconclusive");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..*",
      description = "A built-in list (whatsapp, telegram, max, all), a list file, or one endpoint URI"
          + " (https://web.whatsapp.com/, tcp://149.154.175.50:443). Default: all.")
  List<String> targets = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 1,
      description = "JSONL report (default reports/msgprobe-<UTC time>.jsonl); the summary goes beside it.")
  Path output;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]", order = 2,
      description = "The resolver under test (default: the first nameserver of /etc/resolv.conf).")
  String resolver;

  @Option(names = "--doh", paramLabel = "URL", order = 3,
      description = "Trusted DNS-over-HTTPS resolver, reached by IP; repeatable."
          + " Default: https://1.1.1.1/dns-query, https://8.8.8.8/dns-query, https://9.9.9.9/dns-query.")
  List<String> doh = new ArrayList<>();

  @Option(names = "--no-doh", order = 4, description = "Use no trusted DoH resolver (DNS verdicts lose confidence).")
  boolean noDoh;

  @Option(names = "--control", paramLabel = "URL", order = 5,
      description = "A control vantage speaking the OONI test-helper API (e.g. `msgprobe helper` elsewhere):"
          + " each endpoint is measured from there too, so an outage is told from a block.")
  String control;

  @Option(names = "--control-token-file", paramLabel = "FILE", order = 5,
      description = "A file holding the bearer token the control vantage requires.")
  Path controlTokenFile;

  @Option(names = "--ca-file", paramLabel = "PEM", order = 5,
      description = "Extra trusted CA certificates, added to the JDK's default trust.")
  Path caFile;

  @Option(names = "--decoy-sni", paramLabel = "NAME", order = 6, defaultValue = "example.com",
      description = "Innocuous SNI for decoy handshakes (default: ${DEFAULT-VALUE}).")
  String decoySni;

  @Option(names = "--timeout", paramLabel = "SECONDS", order = 7, defaultValue = "6",
      description = "Limit for each network operation: DNS query, connect, handshake, read (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--parallel", paramLabel = "N", order = 8, defaultValue = "8",
      description = "Endpoints measured at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--json", order = 9, description = "Print the summary JSON to stdout instead of the table.")
  boolean json;

  @Option(names = "--fail-on", paramLabel = "STATUS[,STATUS]", split = ",", order = 10,
      description = "Exit 1 when a service ends with one of these statuses:"
          + " reachable, blocked, partially_blocked, throttled, down, inconclusive.")
  List<String> failOn = new ArrayList<>();

  @Option(names = "--resume", order = 11,
      description = "Skip endpoints already measured in the --output file and append to it.")
  boolean resume;

  @Option(names = "--no-progress", order = 12, description = "No progress display on stderr.")
  boolean noProgress;

  @Option(names = {"-q", "--quiet"}, order = 13, description = "Print only errors.")
  boolean quiet;

  @Option(names = "--controls", paramLabel = "FILE|none", order = 14,
      description = "Control list used to check the probe's own connectivity (default: the built-in"
          + " controls); 'none' skips the check.")
  String controls;

  @Option(names = "--resolver-echo", paramLabel = "NAME|none", order = 15, defaultValue = "whoami.akamai.net",
      description = "Name whose answer tells which resolver really asks (default: ${DEFAULT-VALUE}); 'none' skips it.")
  String resolverEcho;

  @Option(names = "--transfer-kib", paramLabel = "KIB", order = 16, defaultValue = "128",
      description = "Size of the throughput/stall transfer for endpoints marked for it (default: ${DEFAULT-VALUE}).")
  int transferKib;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    String problem = validate();
    if (problem != null) {
      cmd.getErr().println("msgprobe run: " + problem);
      return ExitCodes.BAD_INPUT;
    }
    InetSocketAddress resolverUnderTest;
    try {
      String text = resolver != null ? resolver : ResolvConf.firstNameserver(ResolvConf.SYSTEM).orElseThrow(
          () -> new IllegalArgumentException("no nameserver in " + ResolvConf.SYSTEM
              + "; give the resolver to test with --resolver IP[:PORT]"));
      resolverUnderTest = HostPort.ip(text, 53);
    } catch (IllegalArgumentException e) {
      cmd.getErr().println("msgprobe run: --resolver: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    RunConfig config = RunConfig.builder(targets, output)
        .resolver(resolverUnderTest)
        .dohUrls(noDoh ? List.of() : (doh.isEmpty() ? DEFAULT_DOH : doh))
        .caFile(caFile)
        .decoySni(decoySni)
        .timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
        .parallel(parallel)
        .json(json)
        .failOn(new LinkedHashSet<>(failOn.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList()))
        .resume(resume)
        .progress(!noProgress && !quiet)
        .quiet(quiet)
        .controls(controlsPath())
        .resolverEchoName("none".equalsIgnoreCase(resolverEcho) ? null : resolverEcho)
        .transferBytes(transferKib * 1024L)
        .controlUrl(control)
        .controlTokenFile(controlTokenFile)
        .build();
    RunJob job = new RunJob(config, cmd.getOut(), cmd.getErr(), Terminal.colourStdout(), Terminal.liveStderr());
    Thread hook = new Thread(() -> job.interruptAndWait(Duration.ofSeconds(20)), "msgprobe-interrupt");
    boolean hooked = installHook(hook);
    try {
      Outcome outcome = job.execute();
      return switch (outcome) {
        case BAD_INPUT -> ExitCodes.BAD_INPUT;
        case INTERRUPTED -> ExitCodes.INTERRUPTED;
        case NO_NETWORK -> ExitCodes.NO_NETWORK;
        case FAIL_ON_MATCHED -> ExitCodes.FAIL_ON_MATCHED;
        case COMPLETED -> ExitCodes.OK;
      };
    } finally {
      if (hooked) {
        removeHook(hook);
      }
    }
  }

  private String validate() {
    if (noDoh && !doh.isEmpty()) {
      return "--doh and --no-doh cannot be used together";
    }
    if (!(timeoutSeconds > 0) || timeoutSeconds > 600) {
      return "--timeout must be between 0 and 600 seconds, got " + timeoutSeconds;
    }
    if (parallel < 1 || parallel > 256) {
      return "--parallel must be between 1 and 256, got " + parallel;
    }
    if (transferKib < 16 || transferKib > 65536) {
      return "--transfer-kib must be between 16 and 65536, got " + transferKib;
    }
    for (String s : failOn) {
      if (!SERVICE_STATUSES.contains(s.strip().toLowerCase(Locale.ROOT))) {
        return "--fail-on: unknown status '" + s + "' (use " + String.join(", ", SERVICE_STATUSES.stream().sorted().toList()) + ")";
      }
    }
    if (resume && output == null) {
      return "--resume needs --output FILE (the report to continue)";
    }
    if (control != null && !control.startsWith("http://") && !control.startsWith("https://")) {
      return "--control: not an http(s) URL: " + control;
    }
    if (controlTokenFile != null && control == null) {
      return "--control-token-file needs --control URL";
    }
    for (String url : doh) {
      if (!url.startsWith("https://")) {
        return "--doh: not an https URL: " + url;
      }
    }
    return null;
  }

  private Path controlsPath() {
    if (controls == null) {
      return null;
    }
    return "none".equalsIgnoreCase(controls) ? RunConfig.NO_CONTROLS : Path.of(controls);
  }

  private static boolean installHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of a signal: the hook is running and owns the exit
    }
  }
}
