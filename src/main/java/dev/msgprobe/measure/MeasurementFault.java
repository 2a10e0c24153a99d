package dev.msgprobe.measure;

import dev.msgprobe.model.TestKeys;

/**
 * A fault of the probe itself (a bug, or a library that threw an unchecked exception on hostile
 * input) while measuring one endpoint; carries what had been observed up to then so the report keeps it.
 */
public final class MeasurementFault extends RuntimeException {
  private final transient TestKeys partial;

  public MeasurementFault(TestKeys partial, Throwable cause) {
    super(cause);
    this.partial = partial;
  }

  public TestKeys partial() {
    return partial;
  }
}
