package dev.msgprobe.engine;

import dev.msgprobe.model.Measurement;
import java.io.IOException;

/** Where finished measurements go, one at a time, possibly from several threads at once. */
public interface MeasurementSink {
  void accept(Measurement measurement) throws IOException;
}
