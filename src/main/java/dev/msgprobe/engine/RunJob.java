package dev.msgprobe.engine;

import dev.msgprobe.measure.MeasureConfig;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Parallelism;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.net.HttpsAddressEcho;
import dev.msgprobe.net.Trust;
import dev.msgprobe.report.ReportIds;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code msgprobe run} from a parsed {@link RunConfig} to the report and summary files. Checks all
 * input before measuring anything (bad input: nothing written). Prints nothing: it returns a
 * {@link Result} for the CLI to render, and passes progress and notices to the callbacks it is given.
 * Safe to interrupt from another thread with {@link #interruptAndWait}: the report keeps every finished
 * endpoint and the summary is still written.
 */
public final class RunJob {
  /** How a run ended; the CLI maps each to an exit status. */
  public enum Outcome { COMPLETED, FAIL_ON_MATCHED, BAD_INPUT, NO_NETWORK, INTERRUPTED }

  /**
   * What a run produced. For {@link Outcome#BAD_INPUT}: only {@code errors} (lines naming the
   * file, line or flag), nothing else. Otherwise the summary, every measurement of the report (with
   * those of earlier runs it resumed) with its verdict but without its observations (those are in the
   * report file), the two files, and how many endpoints this run measured.
   */
  public record Result(Outcome outcome, List<String> errors, RunSummary summary, List<Measurement> measurements,
      Path report, Path summaryFile, int measured) {
    public Result {
      errors = List.copyOf(errors);
      measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    static Result badInput(List<String> errors) {
      return new Result(Outcome.BAD_INPUT, errors, null, null, null, null, 0);
    }
  }

  private final RunConfig config;
  private final Progress progress;
  private final Consumer<String> notices;
  private final Wiring.Factory wiringFactory;
  private final Clock clock;
  private final PublicAddressFinder publicAddressFinder;
  private final AddressEcho addressEcho;
  private AutoParallelism.Resources resources = AutoParallelism.Resources.ofThisProcess();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Campaign campaign;
  private volatile boolean interrupted;
  private RunListener listener = RunListener.NONE;

  /**
   * @param progress told of each phase and endpoint ({@link Progress#NONE} for none)
   * @param notices receives lines worth showing while the run goes on (a resumed report's counts)
   */
  public RunJob(RunConfig config, Progress progress, Consumer<String> notices) {
    this(config, progress, notices, Wiring.REAL, Clock.systemUTC());
  }

  RunJob(RunConfig config, Progress progress, Consumer<String> notices, Wiring.Factory wiringFactory, Clock clock) {
    this(config, progress, notices, wiringFactory, clock, new StunAddressFinder());
  }

  RunJob(RunConfig config, Progress progress, Consumer<String> notices, Wiring.Factory wiringFactory, Clock clock,
      PublicAddressFinder publicAddressFinder) {
    this(config, progress, notices, wiringFactory, clock, publicAddressFinder,
        url -> new HttpsAddressEcho(Trust.load(config.caFile()), config.timeout()).ask(url));
  }

  RunJob(RunConfig config, Progress progress, Consumer<String> notices, Wiring.Factory wiringFactory, Clock clock,
      PublicAddressFinder publicAddressFinder, AddressEcho addressEcho) {
    this.publicAddressFinder = publicAddressFinder;
    this.addressEcho = addressEcho;
    this.config = config;
    this.progress = progress;
    this.notices = notices;
    this.wiringFactory = wiringFactory;
    this.clock = clock;
  }

  /** What {@code --parallel auto} weighs instead of this process's limits (tests). */
  void assumeResources(AutoParallelism.Resources resources) {
    this.resources = resources;
  }

  /** Who hears the report being written (a history store, a collector); set before {@link #execute}. */
  public void listen(RunListener listener) {
    this.listener = listener;
  }

  /** Stops the run (e.g. on SIGINT) and waits until the report and summary are complete. */
  public void interruptAndWait(Duration max) {
    interrupted = true;
    Campaign c = campaign;
    if (c != null) {
      c.cancel();
    }
    try {
      finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Result execute() {
    try {
      return executeInner();
    } catch (BadInput bad) {
      return Result.badInput(bad.lines);
    } catch (IOException io) {
      return Result.badInput(List.of("msgprobe: " + io.getMessage()));
    } finally {
      finished.countDown();
    }
  }

  /** Input errors, reported as given (FILE:LINE: ... lines) with exit status 2. */
  static final class BadInput extends Exception {
    final List<String> lines;

    BadInput(List<String> lines) {
      super(String.join("\n", lines));
      this.lines = List.copyOf(lines);
    }

    BadInput(String line) {
      this(List.of(line));
    }
  }

  private Result executeInner() throws BadInput, IOException {
    Instant started = clock.instant();
    List<Endpoint> endpoints = Wiring.loadTargets(config.targets());
    List<Endpoint> controls = Wiring.loadControls(config.controls());
    InetSocketAddress resolver = config.resolver();
    Path report = config.output() != null ? config.output() : ReportIds.defaultReportPath(started);
    if (config.caFile() != null && !Files.isReadable(config.caFile())) {
      throw new BadInput("msgprobe run: --ca-file " + config.caFile() + ": no such readable file");
    }
    MeasureConfig measureConfig = new MeasureConfig(resolver, config.dohUrls(), config.caFile(), config.decoySni(),
        config.timeout(), MeasureConfig.retryDelayFor(config.timeout()), MeasureConfig.BODY_CAP,
        config.transferBytes(), config.resolverEchoName(), MeasureConfig.MAX_REDIRECTS, config.transfers());
    Wiring wiring = wiringFactory.create(measureConfig, config.controlUrl(), config.controlTokenFile())
        .withGeo(Wiring.openGeo(config.geo(), quietable(), clock));

    int skipped = 0;
    if (config.resume() && Files.exists(report)) {
      Set<String> done = wiring.measuredKeys(report);
      List<Endpoint> remaining = new ArrayList<>();
      for (Endpoint e : endpoints) {
        if (done.contains(wiring.resumeKey(e))) {
          skipped++;
        } else {
          remaining.add(e);
        }
      }
      endpoints = remaining;
    } else if (!config.resume() && Files.exists(report)) {
      throw new BadInput("msgprobe run: " + report + " already exists; choose another --output, or add --resume"
          + " to continue it");
    }
    if (!config.quiet() && skipped > 0) {
      notices.accept(String.format("msgprobe: resuming %s: %d endpoints already measured, %d to go", report, skipped,
          endpoints.size()));
    }

    ProbeLocation where = wiring.locate(config.geo(), publicAddressFinder, addressEcho, quietable());
    wiring = wiring.scrubbing(where);
    String resolverIp = wiring.resolverEcho().orElse(resolver.getAddress().getHostAddress());
    Envelope envelope = new Envelope(wiring.reportId(where.owner()), started, where.owner(), resolverIp,
        wiring.networkOf(resolverIp), resolver.getAddress().getHostAddress(), Wiring.softwareVersion());
    Parallelism parallelism = AutoParallelism.choose(config.parallel(), endpoints.size(), resources);
    AutoParallelism.notice(parallelism).forEach(quietable());
    Progress shown = config.progress() ? progress : Progress.NONE;
    Campaign.Result result;
    listener.started(report);
    try (Wiring.Sink sink = openReport(wiring, report)) {
      Campaign c = new Campaign(wiring.measurer(), wiring.analyzer(), envelope, sink, shown,
          parallelism.endpointsAtOnce(), clock);
      campaign = c;
      if (interrupted) {
        c.cancel();
      }
      result = c.run(controls, endpoints);
    }
    double runtime = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    listener.finished(report);

    List<Measurement> all = wiring.readVerdicts(report);
    RunSummary summary = wiring.summarise(all, report, ReportIds.ooniTime(started), runtime, result.context(),
        result.controls(), where).withParallelism(parallelism);
    Path summaryFile = wiring.writeSummary(report, summary);
    Outcome outcome;
    if (result.cancelled() || interrupted) {
      outcome = Outcome.INTERRUPTED;
    } else if (result.context().offline()) {
      outcome = Outcome.NO_NETWORK;
    } else {
      outcome = failOnMatched(summary.services()) ? Outcome.FAIL_ON_MATCHED : Outcome.COMPLETED;
    }
    return new Result(outcome, List.of(), summary, all, report, summaryFile, result.measured());
  }

  /** The report's sink; a new report is created exclusively, so of two runs racing for one path one wins. */
  private Wiring.Sink openReport(Wiring wiring, Path report) throws BadInput, IOException {
    try {
      return wiring.openReport(report, config.resume(), listener);
    } catch (FileAlreadyExistsException raced) {
      throw new BadInput("msgprobe run: " + report + " was created by someone else meanwhile; choose another"
          + " --output, or add --resume to continue it");
    }
  }

  /** Notices that {@code --quiet} silences. */
  private Consumer<String> quietable() {
    return line -> {
      if (!config.quiet()) {
        notices.accept(line);
      }
    };
  }

  private boolean failOnMatched(Map<String, ServiceSummary> services) {
    return services.values().stream().anyMatch(s -> s.status() != null && config.failOn().contains(s.status().wire()));
  }
}
