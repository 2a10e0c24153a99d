package dev.msgprobe.measure;

import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Scheme;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.net.Threads;
import dev.msgprobe.net.Trust;
import dev.msgprobe.trace.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private static final ExecutorService CONTROL_THREADS =
      Executors.newCachedThreadPool(Threads.factory("msgprobe-control"));
  private static final int HTTPS_PORT = 443;

  private final Map<Scheme, Plan> plans;
  private final ControlStep control;
  private final Duration controlWait;

  /**
   * Loads the trust (JDK default plus {@code config.caFile()}).
   *
   * @throws UncheckedIOException when the CA file cannot be read or holds no certificate
   */
  public EndpointMeasurer(MeasureConfig config, HostResolver resolver) {
    this(config, resolver, loadTrust(config));
  }

  public EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust) {
    this(config, resolver, trust, null);
  }

  /**
   * With a control vantage: every endpoint is also measured by {@code control} (null = none), in
   * parallel with the probe's own steps, its results recorded with the tag {@code control} after the
   * probe's own entries and under the transaction ids that follow theirs.
   */
  public EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust, ControlStep control) {
    this(config, resolver, trust, Sleeper.REAL, HTTPS_PORT, control);
  }

  /** {@code validatePort} is where {@code validate} handshakes go: 443, except in tests. */
  EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust, Sleeper sleeper, int validatePort) {
    this(config, resolver, trust, sleeper, validatePort, null);
  }

  EndpointMeasurer(MeasureConfig config, HostResolver resolver, Trust trust, Sleeper sleeper,
      int validatePort, ControlStep control) {
    Steps steps = new Steps(config, resolver, trust, sleeper, validatePort);
    this.plans = Plans.bySchemes(steps, new UdpSteps(steps, config, trust));
    this.control = control;
    this.controlWait = config.timeout().multipliedBy(CONTROL_TIMEOUTS);
  }

  /** A control vantage runs DNS, TCP, TLS and HTTP itself: give it this many timeouts. */
  private static final int CONTROL_TIMEOUTS = 6;

  /**
   * @throws IllegalArgumentException for a scheme other than https, http, tls, tcp, wss, dns, quic, stun
   * @throws MeasurementFault when a step fails with an unchecked exception (a fault of the probe, not an
   *     observation), carrying what was recorded until then
   */
  @Override
  public TestKeys measure(Endpoint endpoint) {
    Scheme scheme = Scheme.fromWire(endpoint.scheme());
    Plan plan = scheme == null ? null : plans.get(scheme);
    if (plan == null) {
      throw new IllegalArgumentException("no plan for scheme " + endpoint.scheme());
    }
    Trace trace = new Trace();
    Trace controlTrace = trace.branch();
    CompletableFuture<Void> controlled = control == null || !control.understands(endpoint) ? null
        : CompletableFuture.runAsync(() -> control.measure(endpoint,
            endpoint.hostIsAddress() ? List.of(endpoint.host()) : List.of(), controlTrace), CONTROL_THREADS);
    try {
      plan.run(endpoint, trace);
    } catch (RuntimeException | StackOverflowError fault) {
      throw new MeasurementFault(trace.toTestKeys(), fault);
    }
    if (controlled != null && awaitControl(controlled)) {
      trace.merge(controlTrace);
    }
    return trace.toTestKeys();
  }

  /**
   * Waits for the control step; true when it ended (its entries then follow the plan's). One that
   * overran or was interrupted is left out of this measurement.
   */
  private boolean awaitControl(CompletableFuture<Void> controlled) {
    try {
      controlled.get(controlWait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true; // what it recorded before failing stays
    } catch (TimeoutException e) {
      return false;
    }
  }

  private static Trust loadTrust(MeasureConfig config) {
    try {
      return Trust.load(config.caFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
