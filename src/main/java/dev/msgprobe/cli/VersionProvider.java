package dev.msgprobe.cli;

import dev.msgprobe.geo.BundledGeo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Version from the jar manifest ("dev" when run from classes), the bundled geo data's date, and the runtime for bug reports. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return lines(Clock.systemUTC()).toArray(String[]::new);
  }

  /** The version lines: program, geo data (with a staleness warning when old), runtime. */
  static List<String> lines(Clock clock) {
    List<String> lines = new ArrayList<>();
    lines.add("msgprobe " + version());
    lines.add("IP-to-ASN data: " + BundledGeo.header().orElse("none bundled (use --asn-db FILE)"));
    BundledGeo.headerDate().flatMap(d -> BundledGeo.stalenessWarning(d, clock)).ifPresent(w -> lines.add("warning: " + w));
    lines.add("picocli " + CommandLine.VERSION + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
        + ")");
    return lines;
  }
}
