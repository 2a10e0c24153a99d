package dev.msgprobe.engine;

import dev.msgprobe.model.TransferMode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@code msgprobe run} needs, as parsed from the command line. {@code controls} is a
 * list file, or null for the built-in controls, or {@link #NO_CONTROLS}; {@code resolverEchoName} null
 * skips the resolver-echo lookup; {@code controlUrl} null means no control vantage; {@code resolver} is the resolver under test; {@code failOn} holds service statuses;
 * {@code transfers} picks the endpoints that get a freeze/throttle transfer of {@code transferBytes}.
 * {@code geo} says how the probe learns where it is. {@code parallel} is the endpoints measured at once,
 * or {@link #PARALLEL_AUTO} (picked from the machine's limits), or {@link #PARALLEL_UNSET} (the default:
 * a few for a short list, auto for a long one).
 */
public record RunConfig(
    List<String> targets,
    Path output,
    InetSocketAddress resolver,
    List<String> dohUrls,
    Path caFile,
    String decoySni,
    Duration timeout,
    int parallel,
    boolean json,
    Set<String> failOn,
    boolean resume,
    boolean progress,
    boolean quiet,
    Path controls,
    String resolverEchoName,
    long transferBytes,
    TransferMode transfers,
    String controlUrl,
    Path controlTokenFile,
    GeoOptions geo) {

  public static final Path NO_CONTROLS = Path.of("none");
  public static final int PARALLEL_AUTO = AutoParallelism.AUTO;
  public static final int PARALLEL_UNSET = AutoParallelism.UNSET;

  public RunConfig {
    targets = List.copyOf(targets);
    dohUrls = List.copyOf(dohUrls);
    failOn = Set.copyOf(failOn);
  }

  /** A builder for the run over {@code targets} written to {@code output}; see {@link Builder} for the defaults. */
  public static Builder builder(List<String> targets, Path output) {
    return new Builder(targets, output);
  }

  /**
   * Names every setting of a {@link RunConfig}. Unset: no DoH resolvers, no CA file, no decoy SNI,
   * no {@code --fail-on}, booleans false, built-in controls, no resolver-echo name, no control
   * vantage, no geo lookup and no STUN ({@link GeoOptions#OFF}); {@code resolver}, {@code timeout}, {@code parallel} and {@code transferBytes} must be set.
   */
  public static final class Builder {
    private List<String> targets;
    private Path output;
    private InetSocketAddress resolver;
    private List<String> dohUrls = List.of();
    private Path caFile;
    private String decoySni;
    private Duration timeout;
    private int parallel;
    private boolean json;
    private Set<String> failOn = Set.of();
    private boolean resume;
    private boolean progress;
    private boolean quiet;
    private Path controls;
    private String resolverEchoName;
    private long transferBytes;
    private TransferMode transfers = TransferMode.ALL;
    private String controlUrl;
    private Path controlTokenFile;
    private GeoOptions geo = GeoOptions.OFF;

    private Builder(List<String> targets, Path output) {
      this.targets = targets;
      this.output = output;
    }

    public Builder resolver(InetSocketAddress resolver) {
      this.resolver = resolver;
      return this;
    }

    public Builder dohUrls(List<String> dohUrls) {
      this.dohUrls = dohUrls;
      return this;
    }

    public Builder caFile(Path caFile) {
      this.caFile = caFile;
      return this;
    }

    public Builder decoySni(String decoySni) {
      this.decoySni = decoySni;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder parallel(int parallel) {
      this.parallel = parallel;
      return this;
    }

    public Builder json(boolean json) {
      this.json = json;
      return this;
    }

    public Builder failOn(Set<String> failOn) {
      this.failOn = failOn;
      return this;
    }

    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    public Builder progress(boolean progress) {
      this.progress = progress;
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder controls(Path controls) {
      this.controls = controls;
      return this;
    }

    public Builder resolverEchoName(String resolverEchoName) {
      this.resolverEchoName = resolverEchoName;
      return this;
    }

    public Builder transferBytes(long transferBytes) {
      this.transferBytes = transferBytes;
      return this;
    }

    /** Which endpoints get a transfer; {@link TransferMode#ALL} unless set. */
    public Builder transfers(TransferMode transfers) {
      this.transfers = transfers;
      return this;
    }

    public Builder controlUrl(String controlUrl) {
      this.controlUrl = controlUrl;
      return this;
    }

    public Builder controlTokenFile(Path controlTokenFile) {
      this.controlTokenFile = controlTokenFile;
      return this;
    }

    public Builder geo(GeoOptions geo) {
      this.geo = geo;
      return this;
    }

    public RunConfig build() {
      return new RunConfig(targets, output, resolver, dohUrls, caFile, decoySni, timeout, parallel, json, failOn,
          resume, progress, quiet, controls, resolverEchoName, transferBytes, transfers, controlUrl, controlTokenFile, geo);
    }
  }
}
