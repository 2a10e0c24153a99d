package dev.msgprobe.report;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.RunSummary;
import java.util.List;

/**
 * A stored run made ready to show or compare: its summary and the measurements it was computed from
 * (one per endpoint, controls included, see {@link LatestMeasurements}).
 */
public record SummarisedRun(RunSummary summary, List<Measurement> measurements) {
  public SummarisedRun {
    measurements = List.copyOf(measurements);
  }
}
