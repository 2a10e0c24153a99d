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
import dev.msgprobe.net.Threads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs one measurement campaign: the controls first (they decide the {@link NetworkContext}), then
 * the endpoints, at most {@code parallelism} in flight and at most {@link #PER_HOST} at once per host,
 * each on its own thread from {@link Threads} (virtual where the runtime has them). Each finished
 * endpoint is classified and handed to the sink at once and then dropped, so an interrupted run keeps
 * everything that finished and memory follows the endpoints in flight. {@link #cancel()} (from any
 * thread, e.g. a SIGINT hook) stops the campaign: endpoints in flight are abandoned, not written
 * half-measured. A fault of the probe itself while measuring or classifying one endpoint (an unchecked
 * exception) becomes that endpoint's {@code inconclusive} verdict, the error in its evidence, and the
 * run goes on.
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
  private final Threads.Capability threads;
  private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();
  private final IssuerHoldback holdback = new IssuerHoldback();
  /** Held while writing: a lock, not a monitor, so a virtual thread writing the report does not pin its carrier. */
  private final ReentrantLock sinkLock = new ReentrantLock();
  private volatile boolean cancelled;
  private volatile ExecutorService current;

  public Campaign(Measurer measurer, Analyzer analyzer, Envelope envelope, MeasurementSink sink,
      Progress progress, int parallelism, Clock clock) {
    this(measurer, analyzer, envelope, sink, progress, parallelism, clock, Threads.RUNTIME);
  }

  /** {@code threads} says whether endpoints run on virtual threads (tests pass a runtime of their own). */
  Campaign(Measurer measurer, Analyzer analyzer, Envelope envelope, MeasurementSink sink,
      Progress progress, int parallelism, Clock clock, Threads.Capability threads) {
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
    this.threads = threads;
  }

  /**
   * What a campaign did: the control measurements (they decide the context) and how many endpoints were
   * measured, excluding anything abandoned by a cancel. Endpoint measurements are not kept: each went to
   * the sink when it finished, so memory grows with the endpoints in flight, not with those measured.
   */
  public record Result(List<Measurement> controls, int measured, NetworkContext context, boolean cancelled) {}

  public Result run(List<Endpoint> controls, List<Endpoint> endpoints) throws IOException {
    List<Measurement> controlMeasurements = new ArrayList<>();
    if (!controls.isEmpty()) {
      measureAll("controls", controls, NetworkContext.UNKNOWN, controlMeasurements::add, false);
    }
    NetworkContext context = controls.isEmpty() ? NetworkContext.UNKNOWN
        : analyzer.networkContext(List.copyOf(controlMeasurements));
    int measured = cancelled ? 0 : measureAll("endpoints", endpoints, context, m -> { }, true);
    writeHeldBack();
    progress.done();
    return new Result(List.copyOf(controlMeasurements), measured, context, cancelled);
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
   * a cancel: they are finished measurements, already counted as measured).
   */
  private void writeHeldBack() throws IOException {
    for (IssuerHoldback.Released r : holdback.release(analyzer, envelope)) {
      sinkLock.lock();
      try {
        sink.accept(r.judged());
      } finally {
        sinkLock.unlock();
      }
      progress.finished(r.endpoint(), r.judged().testKeys().verdict());
    }
  }

  /**
   * Measures {@code endpoints}, at most {@code parallelism} in flight: a slot is taken before an endpoint
   * is handed to a thread and given back when it is written, so neither threads nor queued tasks pile up.
   * Each finished measurement goes to {@code keep} (under the sink's lock); returns how many finished.
   * {@code holdable}: whether an endpoint may be held back for the run's issuers ({@link IssuerHoldback}).
   */
  private int measureAll(String phase, List<Endpoint> endpoints, NetworkContext context, Consumer<Measurement> keep,
      boolean holdable) throws IOException {
    progress.started(phase, endpoints.size());
    int slots = Math.min(parallelism, Math.max(1, endpoints.size()));
    Semaphore inFlight = new Semaphore(slots);
    AtomicInteger finished = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newCachedThreadPool(Threads.factory("msgprobe-" + phase, threads));
    current = pool;
    try {
      for (Endpoint e : endpoints) {
        if (cancelled || failure.get() != null || !acquire(inFlight, 1)) {
          break;
        }
        try {
          pool.execute(() -> {
            try {
              Measurement m = measureOne(e, context, keep, holdable);
              if (m != null) {
                finished.incrementAndGet();
              }
            } catch (RuntimeException | Error fault) {
              failure.compareAndSet(null, fault);
            } finally {
              inFlight.release();
            }
          });
        } catch (RejectedExecutionException cancelledMeanwhile) {
          inFlight.release();
          break;
        }
      }
      acquire(inFlight, slots);
    } finally {
      pool.shutdownNow();
      current = null;
    }
    rethrow(failure.get());
    return finished.get();
  }

  /**
   * Takes {@code n} slots; false when the campaign was cancelled meanwhile, since a worker blocked in a
   * socket read (not interruptible on JDK 17) may take a whole timeout to notice.
   */
  private boolean acquire(Semaphore inFlight, int n) {
    try {
      while (!inFlight.tryAcquire(n, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      cancel();
      return false;
    }
  }

  private static void rethrow(Throwable failure) throws IOException {
    if (failure instanceof UncheckedIOException io) {
      throw io.getCause();
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
  }

  /** Measures, classifies and emits one endpoint; null when the campaign was cancelled meanwhile. */
  private Measurement measureOne(Endpoint e, NetworkContext context, Consumer<Measurement> keep, boolean holdable) {
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
      sinkLock.lock();
      try {
        if (cancelled) {
          return null;
        }
        sink.accept(m);
        keep.accept(m);
      } finally {
        sinkLock.unlock();
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
}
