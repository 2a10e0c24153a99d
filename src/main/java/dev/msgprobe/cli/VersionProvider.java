package dev.msgprobe.cli;

import dev.msgprobe.geo.BundledGeo;
import dev.msgprobe.i18n.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Version from the jar manifest ("dev" when run from classes), the bundled geo data's date, and the runtime for bug reports. */
final class VersionProvider implements CommandLine.IVersionProvider {
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The command whose {@code --version} is asked (picocli injects it), for the reader's language. */
  @Spec CommandSpec spec;

  @Override
  public String[] getVersion() {
    return lines(Clock.systemUTC(), Main.texts(spec)).toArray(String[]::new);
  }

  /** The version lines in English. */
  static List<String> lines(Clock clock) {
    return lines(clock, Texts.english());
  }

  /** The version lines: program, geo data (with a staleness warning when old), runtime. */
  static List<String> lines(Clock clock, Texts texts) {
    List<String> lines = new ArrayList<>();
    lines.add("msgprobe " + version());
    lines.add(texts.get("version.geo", BundledGeo.header().orElse(texts.get("version.noGeo"))));
    BundledGeo.headerDate().flatMap(d -> BundledGeo.stalenessWarning(d, clock))
        .ifPresent(w -> lines.add(texts.get("version.warning", w)));
    lines.add("picocli " + CommandLine.VERSION + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
        + ")");
    return lines;
  }
}
