package dev.msgprobe.cli;

import dev.msgprobe.net.HttpsAddressEcho;
import dev.msgprobe.engine.GeoOptions;
import dev.msgprobe.engine.RunConfig;
import dev.msgprobe.engine.RunJob.Outcome;
import dev.msgprobe.model.ServiceStatus;
import dev.msgprobe.lists.HostNames;
import dev.msgprobe.engine.RunJob;
import dev.msgprobe.model.TransferMode;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.net.ResolvConf;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.report.TableRenderer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

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
  /** The largest --parallel N: beyond it the open-file limit of any usual machine runs out first. */
  static final int MAX_PARALLEL = 4096;
  static final List<String> DEFAULT_DOH = List.of(
      "https://1.1.1.1/dns-query", "https://8.8.8.8/dns-query", "https://9.9.9.9/dns-query");

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

  @Option(names = "--parallel", paramLabel = "N|auto", order = 8,
      description = "Endpoints measured at once, or 'auto': picked from the open-file limit and the JVM's heap,"
          + " and shown (default: 8 for a list of up to 300 endpoints, auto for a longer one).")
  String parallel;

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

  @Option(names = "--color", paramLabel = "WHEN", order = 13, defaultValue = "auto",
      description = "Colour the summary: auto (on a terminal, unless NO_COLOR is set), always, never (default: ${DEFAULT-VALUE}).")
  Terminal.ColorMode color;

  @Option(names = "--controls", paramLabel = "FILE|none", order = 14,
      description = "Control list used to check the probe's own connectivity (default: the built-in"
          + " controls); 'none' skips the check.")
  String controls;

  @Option(names = "--resolver-echo", paramLabel = "NAME|none", order = 15, defaultValue = "whoami.akamai.net",
      description = "Name whose answer tells which resolver really asks (default: ${DEFAULT-VALUE}); 'none' skips it.")
  String resolverEcho;

  @Option(names = "--transfer-kib", paramLabel = "KIB", order = 16, defaultValue = "128",
      description = "Size of each freeze/throttle transfer; uploads move at least 64 (default: ${DEFAULT-VALUE}).")
  int transferKib;

  @Option(names = "--transfer", paramLabel = "all|marked|none", order = 17, defaultValue = "all",
      description = "Which endpoints get a freeze/throttle transfer: every one that carries data (http, https, wss),"
          + " only those marked 'throughput' in their list, or none (default: ${DEFAULT-VALUE}).")
  String transfer;

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--submit", paramLabel = "URL", order = 18,
      description = "Also send every measurement, as it is written, to a collector (msgprobe collector);"
          + " what it misses can be sent later with msgprobe submit.")
  String submit;

  @Option(names = "--submit-token-file", paramLabel = "FILE", order = 19,
      description = "A file holding this probe's bearer token for the collector.")
  Path submitTokenFile;

  @ParentCommand Main main;

  @Option(names = "--probe-asn", paramLabel = "ASn", order = 20,
      description = "Say which network the probe is on (AS12389) instead of looking it up.")
  String probeAsn;

  @Option(names = "--probe-cc", paramLabel = "CC", order = 21,
      description = "Say which country the probe is in (RU) instead of looking it up.")
  String probeCc;

  @Option(names = "--no-geoip", order = 22,
      description = "Look nothing up in any IP database: the report says AS0/ZZ unless --probe-asn/--probe-cc say more.")
  boolean noGeoip;

  @Option(names = "--asn-db", paramLabel = "FILE", order = 23,
      description = "An IP-to-ASN/country database in MaxMind DB format (GeoLite2-ASN, DB-IP) instead of the"
          + " bundled data; repeatable (e.g. an ASN file and a country file).")
  List<Path> asnDbs = new ArrayList<>();

  @Option(names = "--stun", paramLabel = "HOST:PORT|none", order = 24,
      description = "STUN server asked for the probe's public address (used for the lookup and scrubbed from the"
          + " report); repeatable; 'none' asks none. Default: stun.l.google.com:19302, stun.cloudflare.com:3478,"
          + " stun.nextcloud.com:443.")
  List<String> stun = new ArrayList<>();

  @Option(names = "--ip-echo", paramLabel = "URL", order = 25,
      description = "An HTTPS address-echo URL asked for the public address only when no STUN server gave one"
          + " (plain-text or JSON answer). Default: none, nothing is sent to an echo service.")
  String ipEcho;

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
        .parallel(parallelSetting())
        .json(json)
        .failOn(new LinkedHashSet<>(failOn.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList()))
        .resume(resume)
        .progress(!noProgress && !quiet)
        .quiet(quiet)
        .controls(controlsPath())
        .resolverEchoName("none".equalsIgnoreCase(resolverEcho) ? null : resolverEcho)
        .transferBytes(transferKib * 1024L)
        .transfers(TransferMode.parse(transfer))
        .controlUrl(control)
        .controlTokenFile(controlTokenFile)
        .geo(geoOptions())
        .build();
    PrintWriter err = cmd.getErr();
    Display display = Terminal.display(color);
    RunJob job = new RunJob(config, new ConsoleProgress(err, display, 10, System::nanoTime), line -> {
      err.println(line);
      err.flush();
    });
    RunListeners listeners;
    try {
      listeners = RunListeners.open(store, StoreOption.env(main), submit, submitTokenFile, err, quiet);
    } catch (IllegalArgumentException e) {
      err.println("msgprobe run: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    job.listen(listeners);
    // On SIGINT the JVM exits when this hook returns: it waits for the job, then for the summary and
    // the "interrupted" line to be printed and the listeners closed on the main thread.
    CountDownLatch told = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      job.interruptAndWait(Duration.ofSeconds(20));
      awaitQuietly(told, Duration.ofSeconds(10));
    }, "msgprobe-interrupt");
    boolean hooked = installHook(hook);
    try {
      RunJob.Result result = job.execute();
      print(result, cmd.getOut(), err, display);
      return switch (result.outcome()) {
        case BAD_INPUT -> ExitCodes.BAD_INPUT;
        case INTERRUPTED -> ExitCodes.INTERRUPTED;
        case NO_NETWORK -> ExitCodes.NO_NETWORK;
        case FAIL_ON_MATCHED -> ExitCodes.FAIL_ON_MATCHED;
        case COMPLETED -> ExitCodes.OK;
      };
    } finally {
      listeners.close();
      told.countDown();
      if (hooked) {
        removeHook(hook);
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    try {
      latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The summary (table or JSON) on stdout, then why the run ended early, if it did, on stderr. */
  private void print(RunJob.Result result, PrintWriter out, PrintWriter err, Display display) {
    if (result.outcome() == Outcome.BAD_INPUT) {
      result.errors().forEach(err::println);
      err.flush();
      return;
    }
    if (json) {
      out.println(ReportJson.summaryJson(result.summary()).stripTrailing());
    } else if (!quiet) {
      out.print(new TableRenderer(display.colour()).render(result.summary(), result.measurements()));
      out.println("Summary: " + result.summaryFile());
    }
    out.flush();
    if (result.outcome() == Outcome.INTERRUPTED) {
      err.println("msgprobe: interrupted; " + result.measured() + " endpoints measured are kept in " + result.report());
    } else if (result.outcome() == Outcome.NO_NETWORK) {
      err.println("msgprobe: no control was reachable: this network seems to have no working connectivity,"
          + " so nothing is called blocked");
    }
    err.flush();
  }

  /** The checked --parallel as {@link RunConfig} takes it. */
  private int parallelSetting() {
    if (parallel == null) {
      return RunConfig.PARALLEL_UNSET;
    }
    return "auto".equalsIgnoreCase(parallel) ? RunConfig.PARALLEL_AUTO : Integer.parseInt(parallel.strip());
  }

  private String validate() {
    if (noDoh && !doh.isEmpty()) {
      return "--doh and --no-doh cannot be used together";
    }
    if (!(timeoutSeconds >= 0.001) || timeoutSeconds > 600) {
      return "--timeout must be between 0.001 and 600 seconds, got " + timeoutSeconds;
    }
    if (!"none".equalsIgnoreCase(resolverEcho)) {
      try {
        HostNames.normalise(resolverEcho);
      } catch (IllegalArgumentException e) {
        return "--resolver-echo: " + e.getMessage() + " (give a host name, or 'none')";
      }
    }
    if (parallel != null && !"auto".equalsIgnoreCase(parallel)) {
      try {
        int n = Integer.parseInt(parallel.strip());
        if (n < 1 || n > MAX_PARALLEL) {
          return "--parallel must be 'auto' or between 1 and " + MAX_PARALLEL + ", got " + parallel;
        }
      } catch (NumberFormatException e) {
        return "--parallel must be 'auto' or a number, got '" + parallel + "'";
      }
    }
    if (transferKib < 16 || transferKib > 65536) {
      return "--transfer-kib must be between 16 and 65536, got " + transferKib;
    }
    try {
      TransferMode.parse(transfer);
    } catch (IllegalArgumentException e) {
      return "--transfer: " + e.getMessage();
    }
    for (String s : failOn) {
      if (ServiceStatus.fromWire(s.strip().toLowerCase(Locale.ROOT)) == null) {
        return "--fail-on: unknown status '" + s + "' (use "
            + String.join(", ", Arrays.stream(ServiceStatus.values()).map(ServiceStatus::wire).sorted().toList()) + ")";
      }
    }
    if (resume && output == null) {
      return "--resume needs --output FILE (the report to continue)";
    }
    if (control != null && !control.startsWith("http://") && !control.startsWith("https://")) {
      return "--control: not an http(s) URL: " + control;
    }
    if (submit != null && !submit.startsWith("http://") && !submit.startsWith("https://")) {
      return "--submit: not an http(s) URL: " + submit;
    }
    if (submitTokenFile != null && submit == null) {
      return "--submit-token-file needs --submit URL";
    }
    if (controlTokenFile != null && control == null) {
      return "--control-token-file needs --control URL";
    }
    if (probeAsn != null) {
      try {
        NetworkOwner.parseAsn(probeAsn);
      } catch (IllegalArgumentException e) {
        return "--probe-asn: " + e.getMessage();
      }
    }
    if (probeCc != null && !probeCc.matches("[A-Za-z]{2}")) {
      return "--probe-cc: not a two-letter country code: " + probeCc;
    }
    if (noGeoip && !asnDbs.isEmpty()) {
      return "--asn-db and --no-geoip cannot be used together";
    }
    for (Path db : asnDbs) {
      if (!java.nio.file.Files.isReadable(db)) {
        return "--asn-db " + db + ": no such readable file";
      }
    }
    for (String server : stun) {
      if (!"none".equalsIgnoreCase(server) && !server.matches("\\[?[^\\s\\[\\]]+\\]?:[0-9]{1,5}")) {
        return "--stun: expected HOST:PORT or none, got " + server;
      }
    }
    if (stun.size() > 1 && stun.stream().anyMatch("none"::equalsIgnoreCase)) {
      return "--stun none cannot be combined with STUN servers";
    }
    for (String url : doh) {
      if (!url.startsWith("https://")) {
        return "--doh: not an https URL: " + url;
      }
    }
    if (ipEcho != null && !HttpsAddressEcho.isHttpsUrl(ipEcho)) {
      return "--ip-echo: not an https URL: " + ipEcho;
    }
    return null;
  }

  private GeoOptions geoOptions() {
    List<String> servers = stun.isEmpty() ? GeoOptions.DEFAULT_STUN
        : stun.stream().filter(s -> !"none".equalsIgnoreCase(s)).toList();
    return new GeoOptions(probeAsn == null ? null : NetworkOwner.parseAsn(probeAsn),
        probeCc == null ? null : probeCc.toUpperCase(Locale.ROOT), noGeoip, asnDbs, servers, ipEcho);
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
