package dev.msgprobe.engine;

import dev.msgprobe.analysis.Classifier;
import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.NetworkContexts;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.lists.ListException;
import dev.msgprobe.lists.Targets;
import dev.msgprobe.lists.TestLists;
import dev.msgprobe.measure.ControlStep;
import dev.msgprobe.measure.DnsStep;
import dev.msgprobe.measure.EndpointMeasurer;
import dev.msgprobe.measure.MeasureConfig;
import dev.msgprobe.measure.Measurer;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.LocalAddresses;
import dev.msgprobe.net.Trust;
import dev.msgprobe.report.ReportIds;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.report.ReportReader;
import dev.msgprobe.report.ReportWriter;
import dev.msgprobe.report.ResumeKey;
import dev.msgprobe.report.SummaryWriter;
import dev.msgprobe.report.TableRenderer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Connects one run to the packages that do the work: lists, the measurer, the analyzer and the
 * report files. Everything {@link RunJob} needs from outside the engine goes through here.
 */
final class Wiring {
  private final Set<String> probeIps = LocalAddresses.publicOnes();
  private Measurer measurer;
  private DnsStep dns;
  private final Classifier classifier = new Classifier();

  Wiring() {}

  static String softwareVersion() {
    String v = Wiring.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  List<Endpoint> loadTargets(List<String> targets) throws RunJob.BadInput {
    try {
      return Targets.resolve(targets);
    } catch (ListException e) {
      throw new RunJob.BadInput(e.errors());
    }
  }

  /** The controls, relabelled as service {@code control} whatever their file says; empty for 'none'. */
  List<Endpoint> loadControls(Path file) throws RunJob.BadInput {
    if (RunConfig.NO_CONTROLS.equals(file)) {
      return List.of();
    }
    try {
      List<Endpoint> loaded = file == null ? TestLists.controls() : TestLists.load(file).endpoints();
      List<Endpoint> controls = new ArrayList<>();
      for (Endpoint e : loaded) {
        controls.add(e.withService(Summaries.CONTROL_SERVICE).withList(TestLists.CONTROLS));
      }
      return controls;
    } catch (ListException e) {
      throw new RunJob.BadInput(e.errors());
    }
  }

  void prepareMeasurement(MeasureConfig config, String controlUrl, Path tokenFile) throws RunJob.BadInput {
    Trust trust;
    try {
      trust = Trust.load(config.caFile());
    } catch (IOException e) {
      throw new RunJob.BadInput("msgprobe run: --ca-file " + config.caFile() + ": " + e.getMessage());
    }
    try {
      dns = new DnsStep(config, trust);
    } catch (IllegalArgumentException e) {
      throw new RunJob.BadInput("msgprobe run: " + e.getMessage());
    }
    ControlStep control = null;
    if (controlUrl != null) {
      String token = null;
      if (tokenFile != null) {
        try {
          token = java.nio.file.Files.readString(tokenFile).strip();
        } catch (IOException e) {
          throw new RunJob.BadInput("msgprobe run: --control-token-file " + tokenFile + ": cannot read it");
        }
      }
      control = new ControlStep(controlUrl, config.timeout().multipliedBy(5), trust, token);
    }
    measurer = new EndpointMeasurer(config, dns, trust, control);
  }

  /**
   * The address of the resolver that really asked the authoritative servers, learnt by resolving the
   * resolver-echo name through the resolver under test; empty when skipped or unanswered.
   */
  java.util.Optional<String> resolverEcho() {
    dev.msgprobe.model.DnsQuery echo = dns.resolverEcho(new dev.msgprobe.trace.Trace());
    if (echo == null || echo.failure() != null) {
      return java.util.Optional.empty();
    }
    return echo.addresses().stream().findFirst();
  }

  Measurer measurer() {
    return measurer;
  }

  Analyzer analyzer() {
    return new Analyzer() {
      @Override
      public Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context) {
        return classifier.classify(endpoint, observations, context);
      }

      @Override
      public NetworkContext networkContext(List<Measurement> controls) {
        return NetworkContexts.fromMeasurements(controls);
      }
    };
  }

  String reportId() {
    return ReportIds.system().newReportId("ZZ", "AS0");
  }

  /** Resume keys of the endpoints the report measured; controls are measured again on every run. */
  Set<String> measuredKeys(Path report) throws IOException {
    Set<String> keys = new java.util.HashSet<>();
    for (Measurement m : readReport(report)) {
      if (!Summaries.CONTROL_SERVICE.equals(m.annotation("service"))) {
        keys.add(ResumeKey.of(m));
      }
    }
    return keys;
  }

  String resumeKey(Endpoint e) {
    return ResumeKey.of(e);
  }

  /** The report writer as the campaign's sink. */
  interface Sink extends MeasurementSink, Closeable {}

  Sink openReport(Path report, boolean append) throws IOException {
    ReportWriter writer = append ? ReportWriter.append(report, probeIps) : ReportWriter.create(report, probeIps);
    return new Sink() {
      @Override
      public void accept(Measurement m) throws IOException {
        writer.write(m);
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  List<Measurement> readReport(Path report) throws IOException {
    return ReportReader.read(report).measurements();
  }

  RunSummary summarise(List<Measurement> all, Path report, String started, double runtime, NetworkContext context,
      List<Measurement> controls) {
    return new RunSummary("msgprobe", softwareVersion(), report.toString(), "AS0", "ZZ", started, runtime,
        context.networkMode(), Summaries.controls(controls), Summaries.services(all), context.udpMode());
  }

  Path writeSummary(Path report, RunSummary summary) throws IOException {
    return SummaryWriter.write(report, summary);
  }

  String summaryJson(RunSummary summary) {
    return ReportJson.summaryJson(summary).stripTrailing();
  }

  String table(RunSummary summary, List<Measurement> all, boolean colour) {
    return new TableRenderer(colour).render(summary, all);
  }
}
