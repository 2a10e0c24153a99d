package dev.msgprobe.engine;

import dev.msgprobe.measure.MeasureConfig;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.ServiceSummary;
import dev.msgprobe.report.ReportIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
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

/**
 * One {@code msgprobe run} from a parsed {@link RunConfig} to files and a printed summary. Checks all
 * input before measuring anything (bad input: message on stderr, nothing written). Safe to interrupt
 * from another thread with {@link #interruptAndWait}: the report keeps every finished endpoint and the
 * summary is still written.
 */
public final class RunJob {
  /** How a run ended; the CLI maps each to an exit status. */
  public enum Outcome { COMPLETED, FAIL_ON_MATCHED, BAD_INPUT, NO_NETWORK, INTERRUPTED }

  private final RunConfig config;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean colour;
  private final boolean liveProgress;
  private final Clock clock;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Campaign campaign;
  private volatile boolean interrupted;

  public RunJob(RunConfig config, PrintWriter out, PrintWriter err, boolean colour, boolean liveProgress) {
    this(config, out, err, colour, liveProgress, Clock.systemUTC());
  }

  RunJob(RunConfig config, PrintWriter out, PrintWriter err, boolean colour, boolean liveProgress, Clock clock) {
    this.config = config;
    this.out = out;
    this.err = err;
    this.colour = colour;
    this.liveProgress = liveProgress;
    this.clock = clock;
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

  public Outcome execute() {
    try {
      return executeInner();
    } catch (BadInput bad) {
      for (String line : bad.lines) {
        err.println(line);
      }
      err.flush();
      return Outcome.BAD_INPUT;
    } catch (IOException io) {
      err.println("msgprobe: " + io.getMessage());
      err.flush();
      return Outcome.BAD_INPUT;
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

  private Outcome executeInner() throws BadInput, IOException {
    Instant started = clock.instant();
    Wiring wiring = new Wiring();
    List<Endpoint> endpoints = wiring.loadTargets(config.targets());
    List<Endpoint> controls = wiring.loadControls(config.controls());
    InetSocketAddress resolver = config.resolver();
    Path report = config.output() != null ? config.output() : ReportIds.defaultReportPath(started);
    if (config.caFile() != null && !Files.isReadable(config.caFile())) {
      throw new BadInput("msgprobe run: --ca-file " + config.caFile() + ": no such readable file");
    }
    MeasureConfig measureConfig = new MeasureConfig(resolver, config.dohUrls(), config.caFile(), config.decoySni(),
        config.timeout(), MeasureConfig.retryDelayFor(config.timeout()), MeasureConfig.BODY_CAP,
        config.transferBytes(), config.resolverEchoName(), MeasureConfig.MAX_REDIRECTS);
    wiring.prepareMeasurement(measureConfig, config.controlUrl(), config.controlTokenFile());

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
      err.printf("msgprobe: resuming %s: %d endpoints already measured, %d to go%n", report, skipped,
          endpoints.size());
    }

    String resolverIp = wiring.resolverEcho().orElse(resolver.getAddress().getHostAddress());
    Envelope envelope = new Envelope(wiring.reportId(), started, "AS0", "ZZ", resolverIp,
        resolver.getAddress().getHostAddress(), Wiring.softwareVersion());
    Progress progress = config.progress()
        ? new ConsoleProgress(err, liveProgress, 10, System::nanoTime) : Progress.NONE;
    Campaign.Result result;
    try (Wiring.Sink sink = wiring.openReport(report, config.resume())) {
      Campaign c = new Campaign(wiring.measurer(), wiring.analyzer(), envelope, sink, progress, config.parallel(), clock);
      campaign = c;
      if (interrupted) {
        c.cancel();
      }
      result = c.run(controls, endpoints);
    }
    double runtime = Duration.between(started, clock.instant()).toMillis() / 1000.0;

    List<Measurement> all = wiring.readReport(report);
    RunSummary summary = wiring.summarise(all, report, ReportIds.ooniTime(started), runtime, result.context(),
        result.controls());
    Path summaryFile = wiring.writeSummary(report, summary);
    if (config.json()) {
      out.println(wiring.summaryJson(summary));
    } else if (!config.quiet()) {
      out.print(wiring.table(summary, all, colour));
      out.println("Summary: " + summaryFile);
    }
    out.flush();
    if (result.cancelled() || interrupted) {
      err.println("msgprobe: interrupted; " + result.endpoints().size() + " endpoints measured are kept in " + report);
      err.flush();
      return Outcome.INTERRUPTED;
    }
    if (result.context().offline()) {
      err.println("msgprobe: no control was reachable: this network seems to have no working connectivity,"
          + " so nothing is called blocked");
      err.flush();
      return Outcome.NO_NETWORK;
    }
    return failOnMatched(summary.services()) ? Outcome.FAIL_ON_MATCHED : Outcome.COMPLETED;
  }

  private boolean failOnMatched(Map<String, ServiceSummary> services) {
    return services.values().stream().anyMatch(s -> config.failOn().contains(s.status()));
  }
}
