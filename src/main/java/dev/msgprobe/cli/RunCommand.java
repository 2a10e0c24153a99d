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
import dev.msgprobe.i18n.Texts;
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
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true)
final class RunCommand implements Callable<Integer> {
  /** The largest --parallel N: beyond it the open-file limit of any usual machine runs out first. */
  static final int MAX_PARALLEL = 4096;
  static final List<String> DEFAULT_DOH = List.of(
      "https://1.1.1.1/dns-query", "https://8.8.8.8/dns-query", "https://9.9.9.9/dns-query");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "TARGET", descriptionKey = "TARGET", arity = "0..*")
  List<String> targets = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 1)
  Path output;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]", order = 2)
  String resolver;

  @Option(names = "--doh", paramLabel = "URL", order = 3)
  List<String> doh = new ArrayList<>();

  @Option(names = "--no-doh", order = 4)
  boolean noDoh;

  @Option(names = "--control", paramLabel = "URL", order = 5)
  String control;

  @Option(names = "--control-token-file", paramLabel = "FILE", order = 5)
  Path controlTokenFile;

  @Option(names = "--ca-file", paramLabel = "PEM", order = 5)
  Path caFile;

  @Option(names = "--decoy-sni", paramLabel = "NAME", order = 6, defaultValue = "example.com")
  String decoySni;

  @Option(names = "--timeout", paramLabel = "SECONDS", order = 7, defaultValue = "6")
  double timeoutSeconds;

  @Option(names = "--parallel", paramLabel = "N|auto", order = 8)
  String parallel;

  @Option(names = "--json", order = 9)
  boolean json;

  @Option(names = "--fail-on", paramLabel = "STATUS[,STATUS]", split = ",", order = 10)
  List<String> failOn = new ArrayList<>();

  @Option(names = "--resume", order = 11)
  boolean resume;

  @Option(names = "--no-progress", order = 12)
  boolean noProgress;

  @Option(names = {"-q", "--quiet"}, order = 13)
  boolean quiet;

  @Option(names = "--color", paramLabel = "WHEN", order = 13, defaultValue = "auto")
  Terminal.ColorMode color;

  @Option(names = "--controls", paramLabel = "FILE|none", order = 14)
  String controls;

  @Option(names = "--resolver-echo", paramLabel = "NAME|none", order = 15, defaultValue = "whoami.akamai.net")
  String resolverEcho;

  @Option(names = "--transfer-kib", paramLabel = "KIB", order = 16, defaultValue = "128")
  int transferKib;

  @Option(names = "--transfer", paramLabel = "all|marked|none", order = 17, defaultValue = "all")
  String transfer;

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--submit", paramLabel = "URL", order = 18)
  String submit;

  @Option(names = "--submit-token-file", paramLabel = "FILE", order = 19)
  Path submitTokenFile;

  @ParentCommand Main main;

  @Option(names = "--probe-asn", paramLabel = "ASn", order = 20)
  String probeAsn;

  @Option(names = "--probe-cc", paramLabel = "CC", order = 21)
  String probeCc;

  @Option(names = "--no-geoip", order = 22)
  boolean noGeoip;

  @Option(names = "--asn-db", paramLabel = "FILE", order = 23)
  List<Path> asnDbs = new ArrayList<>();

  @Option(names = "--stun", paramLabel = "HOST:PORT|none", order = 24)
  List<String> stun = new ArrayList<>();

  @Option(names = "--ip-echo", paramLabel = "URL", order = 25)
  String ipEcho;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    Texts texts = Main.texts(spec);
    String problem = validate(texts);
    if (problem != null) {
      cmd.getErr().println(texts.get("run.error", problem));
      return ExitCodes.BAD_INPUT;
    }
    InetSocketAddress resolverUnderTest;
    try {
      String text = resolver != null ? resolver : ResolvConf.firstNameserver(ResolvConf.SYSTEM).orElseThrow(
          () -> new IllegalArgumentException(texts.get("run.noNameserver", ResolvConf.SYSTEM)));
      resolverUnderTest = HostPort.ip(text, 53);
    } catch (IllegalArgumentException e) {
      cmd.getErr().println(texts.get("run.error", "--resolver: " + e.getMessage()));
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
    RunJob job = new RunJob(config, new ConsoleProgress(err, display, 10, System::nanoTime, texts), line -> {
      err.println(line);
      err.flush();
    });
    RunListeners listeners;
    try {
      listeners = RunListeners.open(store, StoreOption.env(main), submit, submitTokenFile, err, quiet, texts);
    } catch (IllegalArgumentException e) {
      err.println(texts.get("run.error", e.getMessage()));
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
      print(result, cmd.getOut(), err, display, texts);
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
  private void print(RunJob.Result result, PrintWriter out, PrintWriter err, Display display, Texts texts) {
    if (result.outcome() == Outcome.BAD_INPUT) {
      result.errors().forEach(err::println);
      err.flush();
      return;
    }
    if (json) {
      out.println(ReportJson.summaryJson(result.summary()).stripTrailing());
    } else if (!quiet) {
      out.print(new TableRenderer(display.colour(), texts).render(result.summary(), result.measurements()));
      out.println(texts.get("run.summaryFile", result.summaryFile()));
    }
    out.flush();
    if (result.outcome() == Outcome.INTERRUPTED) {
      err.println(texts.get("run.interrupted", result.measured(), result.report()));
    } else if (result.outcome() == Outcome.NO_NETWORK) {
      err.println(texts.get("run.noNetwork"));
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

  private String validate(Texts texts) {
    if (noDoh && !doh.isEmpty()) {
      return texts.get("option.together", "--doh", "--no-doh");
    }
    if (!(timeoutSeconds >= 0.001) || timeoutSeconds > 600) {
      return texts.get("option.range", "--timeout", "0.001", "600", timeoutSeconds);
    }
    if (!"none".equalsIgnoreCase(resolverEcho)) {
      try {
        HostNames.normalise(resolverEcho);
      } catch (IllegalArgumentException e) {
        return texts.get("run.badResolverEcho", e.getMessage());
      }
    }
    if (parallel != null && !"auto".equalsIgnoreCase(parallel)) {
      try {
        int n = Integer.parseInt(parallel.strip());
        if (n < 1 || n > MAX_PARALLEL) {
          return texts.get("option.parallel.range", MAX_PARALLEL, parallel);
        }
      } catch (NumberFormatException e) {
        return texts.get("option.parallel.notNumber", parallel);
      }
    }
    if (transferKib < 16 || transferKib > 65536) {
      return texts.get("option.range", "--transfer-kib", 16, 65536, transferKib);
    }
    try {
      TransferMode.parse(transfer);
    } catch (IllegalArgumentException e) {
      return "--transfer: " + e.getMessage();
    }
    for (String s : failOn) {
      if (ServiceStatus.fromWire(s.strip().toLowerCase(Locale.ROOT)) == null) {
        return texts.get("run.unknownStatus", s,
            String.join(", ", Arrays.stream(ServiceStatus.values()).map(ServiceStatus::wire).sorted().toList()));
      }
    }
    if (resume && output == null) {
      return texts.get("run.resumeNeedsOutput");
    }
    if (control != null && !control.startsWith("http://") && !control.startsWith("https://")) {
      return texts.get("option.notHttpUrl", "--control", control);
    }
    if (submit != null && !submit.startsWith("http://") && !submit.startsWith("https://")) {
      return texts.get("option.notHttpUrl", "--submit", submit);
    }
    if (submitTokenFile != null && submit == null) {
      return texts.get("option.needs", "--submit-token-file", "--submit URL");
    }
    if (controlTokenFile != null && control == null) {
      return texts.get("option.needs", "--control-token-file", "--control URL");
    }
    if (probeAsn != null) {
      try {
        NetworkOwner.parseAsn(probeAsn);
      } catch (IllegalArgumentException e) {
        return "--probe-asn: " + e.getMessage();
      }
    }
    if (probeCc != null && !probeCc.matches("[A-Za-z]{2}")) {
      return texts.get("run.badCountry", probeCc);
    }
    if (noGeoip && !asnDbs.isEmpty()) {
      return texts.get("option.together", "--asn-db", "--no-geoip");
    }
    for (Path db : asnDbs) {
      if (!java.nio.file.Files.isReadable(db)) {
        return texts.get("option.noFile", "--asn-db", db);
      }
    }
    for (String server : stun) {
      if (!"none".equalsIgnoreCase(server) && !server.matches("\\[?[^\\s\\[\\]]+\\]?:[0-9]{1,5}")) {
        return texts.get("run.badStun", server);
      }
    }
    if (stun.size() > 1 && stun.stream().anyMatch("none"::equalsIgnoreCase)) {
      return texts.get("run.stunNone");
    }
    for (String url : doh) {
      if (!url.startsWith("https://")) {
        return texts.get("option.notHttpsUrl", "--doh", url);
      }
    }
    if (ipEcho != null && !HttpsAddressEcho.isHttpsUrl(ipEcho)) {
      return texts.get("option.notHttpsUrl", "--ip-echo", ipEcho);
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
