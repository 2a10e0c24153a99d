package dev.msgprobe.engine;

import dev.msgprobe.analysis.NetworkContext;
import dev.msgprobe.evidence.Evidence;
import dev.msgprobe.measure.MeasurementFault;
import dev.msgprobe.measure.Measurer;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.TestKeys;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.net.FailureTaxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one measurement campaign: the controls first (they decide the {@link NetworkContext}), then
 * the endpoints, {@code parallelism} at a time and at most {@link #PER_HOST} at once per host. Each
 * finished endpoint is classified and handed to the sink at once, so an interrupted run keeps
 * everything that finished. {@link #cancel()} (from any thread, e.g. a SIGINT hook) stops the
 * campaign: endpoints in flight are abandoned, not written half-measured. A fault of the probe itself
 * while measuring or classifying one endpoint (an unchecked exception) becomes that endpoint's
 * {@code inconclusive} verdict, the error in its evidence, and the run goes on. The few endpoints whose
 * certificate came from an unknown issuer wait for the end of the run instead ({@link IssuerHoldback}).
 */
public final class Campaign {
  static final int PER_HOST = 2;

  private final Measurer measurer;
  private final Analyzer analyzer;
  private final Envelope envelope;
  private final MeasurementSink sink;
  private final Progress progress;
  private final int parallelism;
  private final Clock clock;
  private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();
  private final IssuerHoldback holdback = new IssuerHoldback();
  private volatile boolean cancelled;
  private volatile ExecutorService current;

  public Campaign(Measurer measurer, Analyzer analyzer, Envelope envelope, MeasurementSink sink,
      Progress progress, int parallelism, Clock clock) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    this.measurer = measurer;
    this.analyzer = analyzer;
    this.envelope = envelope;
    this.sink = sink;
    this.progress = progress;
    this.parallelism = parallelism;
    this.clock = clock;
  }

  /** What a campaign did; {@code endpoints} excludes controls and anything abandoned by a cancel. */
  public record Result(List<Measurement> controls, List<Measurement> endpoints, NetworkContext context,
      boolean cancelled) {}

  public Result run(List<Endpoint> controls, List<Endpoint> endpoints) throws IOException {
    List<Measurement> controlMeasurements = controls.isEmpty() ? List.of()
        : measureAll("controls", controls, NetworkContext.UNKNOWN, false);
    NetworkContext context = controls.isEmpty() ? NetworkContext.UNKNOWN
        : analyzer.networkContext(controlMeasurements);
    List<Measurement> measured = cancelled ? List.of() : measureAll("endpoints", endpoints, context, true);
    measured = writeHeldBack(measured);
    progress.done();
    return new Result(controlMeasurements, measured, context, cancelled);
  }

  public void cancel() {
    cancelled = true;
    ExecutorService pool = current;
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * Writes the endpoints {@link IssuerHoldback} held back, judged with the whole run's issuers (also after
   * a cancel: they are finished measurements); {@code measured} with each held one's final measurement.
   */
  private List<Measurement> writeHeldBack(List<Measurement> measured) throws IOException {
    List<Measurement> out = new ArrayList<>(measured);
    for (IssuerHoldback.Released r : holdback.release(analyzer, envelope)) {
      synchronized (sink) {
        sink.accept(r.judged());
      }
      progress.finished(r.endpoint(), r.judged().testKeys().verdict());
      out.replaceAll(m -> m == r.provisional() ? r.judged() : m);
    }
    return List.copyOf(out);
  }

  private List<Measurement> measureAll(String phase, List<Endpoint> endpoints, NetworkContext context,
      boolean holdable) throws IOException {
    progress.started(phase, endpoints.size());
    List<Measurement> done = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, endpoints.size())),
        daemonThreads(phase));
    current = pool;
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Endpoint e : endpoints) {
        if (cancelled) {
          break;
        }
        try {
          futures.add(pool.submit(() -> {
            Measurement m = measureOne(e, context, holdable);
            if (m != null) {
              done.add(m);
            }
            return null;
          }));
        } catch (RejectedExecutionException cancelledMeanwhile) {
          break;
        }
      }
      pool.shutdown();
      for (Future<?> f : futures) {
        awaitQuietly(f);
      }
    } finally {
      pool.shutdownNow();
      current = null;
    }
    synchronized (done) {
      return List.copyOf(done);
    }
  }

  /**
   * Waits for one endpoint; returns at once when the campaign is cancelled, since a worker blocked in a
   * socket read (not interruptible on JDK 17) may take a whole timeout to notice.
   */
  private void awaitQuietly(Future<?> f) throws IOException {
    while (true) {
      try {
        f.get(100, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException stillRunning) {
        if (cancelled) {
          return;
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        cancel();
        return;
      } catch (ExecutionException ee) {
        if (ee.getCause() instanceof UncheckedIOException io) {
          throw io.getCause();
        }
        if (ee.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (ee.getCause() instanceof Error err) {
          throw err;
        }
        return;
      } catch (CancellationException abandoned) {
        return;
      }
    }
  }

  /** Measures, classifies and emits one endpoint; null when the campaign was cancelled meanwhile. */
  private Measurement measureOne(Endpoint e, NetworkContext context, boolean holdable) {
    if (cancelled) {
      return null;
    }
    Semaphore slot = hostSlots.computeIfAbsent(e.host().toLowerCase(java.util.Locale.ROOT),
        h -> new Semaphore(PER_HOST));
    try {
      slot.acquire();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return null;
    }
    try {
      Instant start = clock.instant();
      long t0 = System.nanoTime();
      TestKeys keys;
      Verdict verdict = null;
      try {
        keys = measurer.measure(e);
      } catch (RuntimeException | StackOverflowError fault) {
        keys = faultKeys(fault);
        verdict = Verdict.probeFault(Evidence.sentence("probe.fault.measuring", describe(fault)));
      }
      double runtime = (System.nanoTime() - t0) / 1e9;
      if (cancelled || Thread.currentThread().isInterrupted()) {
        return null;
      }
      if (verdict == null) {
        try {
          verdict = analyzer.classify(e, keys, context);
        } catch (RuntimeException | StackOverflowError fault) {
          verdict = Verdict.probeFault(Evidence.sentence("probe.fault.classifying", describe(fault)));
        }
      }
      Measurement m = envelope.wrap(e, keys.withVerdict(verdict), start, runtime);
      if (holdback.offer(e, keys, verdict, context, start, runtime, m, holdable)) {
        return m;
      }
      synchronized (sink) {
        if (cancelled) {
          return null;
        }
        sink.accept(m);
      }
      progress.finished(e, verdict);
      return m;
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    } finally {
      slot.release();
    }
  }

  /** What the measurer recorded before it failed, when it says; otherwise no observation at all. */
  private static TestKeys faultKeys(Throwable fault) {
    TestKeys partial = fault instanceof MeasurementFault mf ? mf.partial() : TestKeys.empty();
    return partial.withFailure("unknown_failure: " + describe(fault));
  }

  /** The fault's class and message, IP addresses scrubbed. */
  private static String describe(Throwable fault) {
    Throwable root = fault instanceof MeasurementFault && fault.getCause() != null ? fault.getCause() : fault;
    String message = root.getMessage();
    return FailureTaxonomy.scrub(
        root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message));
  }

  private static ThreadFactory daemonThreads(String phase) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "msgprobe-" + phase + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
