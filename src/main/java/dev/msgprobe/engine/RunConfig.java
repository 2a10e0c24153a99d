package dev.msgprobe.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@code msgprobe run} needs, as parsed from the command line. {@code controls} is a
 * list file, or null for the built-in controls, or {@link #NO_CONTROLS}; {@code resolverEchoName} null
 * skips the resolver-echo lookup; {@code failOn} holds service statuses.
 */
public record RunConfig(
    List<String> targets,
    Path output,
    String resolver,
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
    long transferBytes) {

  public static final Path NO_CONTROLS = Path.of("none");

  public RunConfig {
    targets = List.copyOf(targets);
    dohUrls = List.copyOf(dohUrls);
    failOn = Set.copyOf(failOn);
  }
}
