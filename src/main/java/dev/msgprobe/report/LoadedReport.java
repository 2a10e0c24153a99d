package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import java.nio.file.Path;
import java.util.List;

/**
 * The measurements read from one report, in file order. {@code warnings} are {@code FILE:LINE: ...}
 * messages for lines skipped (at most the incomplete last line a crash leaves).
 */
public record LoadedReport(Path file, List<Measurement> measurements, List<String> warnings) {
  public LoadedReport {
    measurements = List.copyOf(measurements);
    warnings = List.copyOf(warnings);
  }
}
