package dev.msgprobe.engine;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@code msgprobe run} needs, as parsed from the command line. {@code controls} is a
 * list file, or null for the built-in controls, or {@link #NO_CONTROLS}; {@code resolverEchoName} null
 * skips the resolver-echo lookup; {@code controlUrl} null means no control vantage; {@code resolver} is the resolver under test; {@code failOn} holds service statuses;
 * {@code geo} says how the probe learns where it is.
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
    String controlUrl,
    Path controlTokenFile,
    GeoOptions geo) {

  public static final Path NO_CONTROLS = Path.of("none");

  public RunConfig {
    targets = List.copyOf(targets);
    dohUrls = List.copyOf(dohUrls);
    failOn = Set.copyOf(failOn);
  }
}
