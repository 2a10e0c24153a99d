package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.TestKeys;

/**
 * Measures one endpoint with the plan of its scheme and returns every observation (verdict null).
 * Never throws for network failures: they are observations. Returns within a bounded time that
 * depends only on {@link MeasureConfig#timeout()}. Honours thread interruption by returning what
 * it has recorded so far.
 */
public interface Measurer {
  TestKeys measure(Endpoint endpoint);
}
