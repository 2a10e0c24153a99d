package dev.msgprobe.engine;

import dev.msgprobe.analysis.Classifier;
import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.analysis.NetworkContexts;
import dev.msgprobe.analysis.SharedIssuers;
import dev.msgprobe.analysis.Summaries;
import dev.msgprobe.lists.ListException;
import dev.msgprobe.lists.Targets;
import dev.msgprobe.lists.TestLists;
import dev.msgprobe.geo.BundledGeo;
import dev.msgprobe.geo.GeoLookup;
import dev.msgprobe.geo.MaxMindGeo;
import dev.msgprobe.geo.NetworkOwner;
import dev.msgprobe.measure.ControlStep;
import dev.msgprobe.measure.DnsStep;
import dev.msgprobe.measure.EndpointMeasurer;
import dev.msgprobe.measure.MeasureConfig;
import dev.msgprobe.measure.Measurer;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.DnsQuery;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.IpLiterals;
import dev.msgprobe.net.LocalAddresses;
import dev.msgprobe.net.Trust;
import dev.msgprobe.report.ReportIds;
import dev.msgprobe.report.ReportReader;
import dev.msgprobe.report.ReportWriter;
import dev.msgprobe.report.ResumeKey;
import dev.msgprobe.report.SummaryWriter;
import dev.msgprobe.trace.Trace;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Connects one run to the packages that do the work: lists, the measurer, the analyzer and the
 * report files. Everything {@link RunJob} needs from outside the engine goes through here. Built in
 * one step by a {@link Factory} once the options are checked, and immutable: the run's geo data and
 * the addresses learnt by {@link #locate} give new instances ({@link #withGeo}, {@link #scrubbing}).
 * Tests give {@link RunJob} a factory of their own to measure without a network.
 */
final class Wiring {
  /** Builds the wiring of a run from its checked measurement settings. */
  interface Factory {
    Wiring create(MeasureConfig config, String controlUrl, Path tokenFile) throws RunJob.BadInput;
  }

  /** The real measurer, trust store, resolvers and control vantage. */
  static final Factory REAL = Wiring::forRun;

  private final Measurer measurer;
  private final Supplier<Optional<String>> resolverEcho;
  /** What reports are scrubbed of. */
  private final Set<String> probeIps;
  /** The IP-to-network data of the run. */
  private final GeoLookup geo;
  private final Classifier classifier = new Classifier();

  /**
   * Without geo data.
   *
   * @param resolverEcho the address of the resolver that really asks, or empty
   * @param probeIps addresses of this machine that reports must not show
   */
  Wiring(Measurer measurer, Supplier<Optional<String>> resolverEcho, Set<String> probeIps) {
    this(measurer, resolverEcho, probeIps, GeoLookup.NONE);
  }

  private Wiring(Measurer measurer, Supplier<Optional<String>> resolverEcho, Set<String> probeIps, GeoLookup geo) {
    this.measurer = measurer;
    this.resolverEcho = resolverEcho;
    this.probeIps = Set.copyOf(probeIps);
    this.geo = geo;
  }

  /** This wiring with {@code geo} as the run's IP-to-network data. */
  Wiring withGeo(GeoLookup geo) {
    return new Wiring(measurer, resolverEcho, probeIps, geo);
  }

  static String softwareVersion() {
    String v = Wiring.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static List<Endpoint> loadTargets(List<String> targets) throws RunJob.BadInput {
    try {
      return Targets.resolve(targets);
    } catch (ListException e) {
      throw new RunJob.BadInput(e.errors());
    }
  }

  /** The controls, relabelled as service {@code control} whatever their file says; empty for 'none'. */
  static List<Endpoint> loadControls(Path file) throws RunJob.BadInput {
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

  private static Wiring forRun(MeasureConfig config, String controlUrl, Path tokenFile) throws RunJob.BadInput {
    Trust trust;
    try {
      trust = Trust.load(config.caFile());
    } catch (IOException e) {
      throw new RunJob.BadInput("msgprobe run: --ca-file " + config.caFile() + ": " + e.getMessage());
    }
    DnsStep dns;
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
          token = Files.readString(tokenFile).strip();
        } catch (IOException e) {
          throw new RunJob.BadInput("msgprobe run: --control-token-file " + tokenFile + ": cannot read it");
        }
      }
      control = new ControlStep(controlUrl, config.timeout().multipliedBy(5), trust, token);
    }
    return new Wiring(new EndpointMeasurer(config, dns, trust, control), () -> resolverEcho(dns),
        LocalAddresses.publicOnes());
  }

  /**
   * The address of the resolver that really asked the authoritative servers, learnt by resolving the
   * resolver-echo name through the resolver under test; empty when skipped or unanswered.
   */
  Optional<String> resolverEcho() {
    return resolverEcho.get();
  }

  private static Optional<String> resolverEcho(DnsStep dns) {
    DnsQuery echo = dns.resolverEcho(new Trace());
    if (echo == null || echo.failure() != null) {
      return Optional.empty();
    }
    return echo.addresses().stream().findFirst();
  }

  Measurer measurer() {
    return geo == GeoLookup.NONE ? measurer : new AnswerNetworks(measurer, geo);
  }

  /**
   * Opens the geo data the run uses: none with {@code --no-geoip}, the {@code --asn-db} files, else the
   * bundled data (with a warning on {@code warnings} when it is old).
   */
  static GeoLookup openGeo(GeoOptions options, java.util.function.Consumer<String> warnings, java.time.Clock clock)
      throws RunJob.BadInput {
    if (options.noGeoip()) {
      return GeoLookup.NONE;
    }
    if (!options.asnDbs().isEmpty()) {
      try {
        return MaxMindGeo.open(options.asnDbs().stream().map(Path::toFile).toList());
      } catch (IOException e) {
        throw new RunJob.BadInput("msgprobe run: --asn-db " + e.getMessage());
      }
    }
    BundledGeo bundled = BundledGeo.load();
    BundledGeo.stalenessWarning(bundled.date(), clock).ifPresent(w -> warnings.accept("msgprobe: warning: " + w));
    return bundled;
  }

  /** Where the probe is, learnt with this wiring's geo data and known addresses. */
  ProbeLocation locate(GeoOptions options, PublicAddressFinder finder, AddressEcho echo,
      java.util.function.Consumer<String> notices) {
    return new ProbeLocator(options, geo, finder, echo, notices, probeIps).locate();
  }

  /**
   * This wiring scrubbing reports of {@code where}'s public addresses (learnt or on an interface) and
   * the private interface addresses.
   */
  Wiring scrubbing(ProbeLocation where) {
    Set<String> scrub = new java.util.LinkedHashSet<>(where.publicAddresses());
    scrub.addAll(LocalAddresses.privateOnes());
    return new Wiring(measurer, resolverEcho, scrub, geo);
  }

  /** The network of {@code ip} (the resolver that really asks); unknown for a name or with no data. */
  NetworkOwner networkOf(String ip) {
    return ip != null && IpLiterals.isLiteral(ip) ? geo.lookup(IpLiterals.parse(ip)) : NetworkOwner.UNKNOWN;
  }

  Analyzer analyzer() {
    return new Analyzer() {
      @Override
      public Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context) {
        return classifier.classify(endpoint, observations, context);
      }

      @Override
      public Verdict classify(Endpoint endpoint, TestKeys observations, NetworkContext context,
          SharedIssuers shared) {
        return classifier.classify(endpoint, observations, context, shared);
      }

      @Override
      public NetworkContext networkContext(List<Measurement> controls) {
        return NetworkContexts.fromMeasurements(controls);
      }
    };
  }

  String reportId(NetworkOwner probe) {
    return ReportIds.system().newReportId(probe.countryLabel(), probe.asnLabel());
  }

  /** Resume keys of the endpoints the report measured; controls are measured again on every run. */
  Set<String> measuredKeys(Path report) throws IOException {
    Set<String> keys = new java.util.HashSet<>();
    for (Measurement m : ReportReader.readForResume(report).measurements()) {
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

  Sink openReport(Path report, boolean append, RunListener listener) throws IOException {
    ReportWriter writer = append ? ReportWriter.append(report, probeIps) : ReportWriter.create(report, probeIps);
    return new Sink() {
      @Override
      public void accept(Measurement m) throws IOException {
        listener.written(writer.write(m));
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  /**
   * The report's measurements as the summary and the table need them: each keeps its verdict and drops
   * its observations, so a report of thousands of endpoints is summarised in little memory.
   */
  List<Measurement> readVerdicts(Path report) throws IOException {
    List<Measurement> verdicts = new ArrayList<>();
    ReportReader.forEach(report, m -> verdicts.add(m.testKeys() == null ? m
        : m.withTestKeys(TestKeys.empty().withVerdict(m.testKeys().verdict()))));
    return verdicts;
  }

  RunSummary summarise(List<Measurement> all, Path report, String started, double runtime, NetworkContext context,
      List<Measurement> controls, ProbeLocation where) {
    return new RunSummary("msgprobe", softwareVersion(), report.toString(), where.owner().asnLabel(),
        where.owner().countryLabel(), started, runtime, context.networkMode(), Summaries.controls(controls),
        Summaries.services(all), where.owner().organisation(), where.how(), null, context.udpMode());
  }

  Path writeSummary(Path report, RunSummary summary) throws IOException {
    return SummaryWriter.write(report, summary);
  }
}
