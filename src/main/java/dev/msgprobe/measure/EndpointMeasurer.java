package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.net.Trust;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link Measurer} of every scheme: runs the plan of the endpoint's scheme (steps 1–7 of
 * docs/design/measurement.md) into a fresh trace and returns its test keys. Thread-safe; one instance
 * serves a whole run.
 *
 * <p>Time: every network operation is bounded by {@code timeout} (an HTTP call by four, a transfer by
 * three), and the number of operations is fixed by the plan (at most two addresses, one retry per
 * step, {@code maxRedirects} hops), so a measurement ends in a time that depends only on the config and
 * the resolver. Once the thread is interrupted no further step starts and what was recorded is returned.
 */
public final class EndpointMeasurer implements Measurer {
  private static final int HTTPS_PORT = 443;

  private final Map<String, Plan> plans;

  /**
   * Loads the trust (JDK default plus {@code config.caFile()}).
   *
   * @throws UncheckedIOException when the CA file cannot be read or holds no certificate
   */
  public EndpointMeasurer(MeasureConfig config, HostResolver resolver) {
    this(config, resolver, loadTrust(config));
  }

  public EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust) {
    this(config, resolver, trust, Sleeper.REAL, HTTPS_PORT);
  }

  /** {@code validatePort} is where {@code validate} handshakes go: 443, except in tests. */
  EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust, Sleeper sleeper, int validatePort) {
    this.plans = Plans.bySchemes(new Steps(config, resolver, trust, sleeper, validatePort));
  }

  /**
   * @throws IllegalArgumentException for a scheme other than https, http, tls, tcp, wss, dns
   */
  @Override
  public TestKeys measure(Endpoint endpoint) {
    Plan plan = plans.get(endpoint.scheme().toLowerCase(Locale.ROOT));
    if (plan == null) {
      throw new IllegalArgumentException("no plan for scheme " + endpoint.scheme());
    }
    Trace trace = new Trace();
    plan.run(endpoint, trace);
    return trace.toTestKeys();
  }

  private static Trust loadTrust(MeasureConfig config) {
    try {
      return Trust.load(config.caFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
