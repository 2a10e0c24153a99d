package dev.msgprobe.measure;

import dev.msgprobe.net.Threads;
import dev.msgprobe.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Runs a few steps of one measurement at the same time. Each step records into a
 * {@linkplain Trace#branch() branch} of the measurement's trace; once all are done the branches are
 * merged in the order the steps were given, so neither the entries' order nor their transaction ids
 * depend on which step finished first. A step may record ids its caller took beforehand from the
 * measurement's trace, or take new ones from its branch (assigned at the merge).
 *
 * <p>Threads: the first step runs on the caller's thread, each other one on a new daemon thread that
 * ends before {@link #run} returns, so a measurement never holds more extra threads than the steps it
 * runs at once. Interrupting the caller interrupts the steps (a step then starts no new network
 * operation) and still waits for them: an operation in progress ends within its own timeout, as it
 * would have on the caller's thread. The flag is kept.
 */
final class Concurrently {
  private Concurrently() {}

  /** Each step's result, in the order given. A single step simply runs on the caller's thread with {@code trace}. */
  static <T> List<T> run(Trace trace, List<Function<Trace, T>> steps) {
    if (steps.isEmpty()) {
      return List.of();
    }
    if (steps.size() == 1) {
      return Collections.singletonList(steps.get(0).apply(trace));
    }
    List<Trace> traces = new ArrayList<>();
    List<FutureTask<T>> tasks = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Function<Trace, T> step : steps) {
      Trace own = trace.branch();
      traces.add(own);
      tasks.add(new FutureTask<>(() -> step.apply(own)));
    }
    for (int i = 1; i < tasks.size(); i++) {
      threads.add(Threads.start("msgprobe-step", tasks.get(i)));
    }
    if (Thread.currentThread().isInterrupted()) {
      threads.forEach(Thread::interrupt);
    }
    tasks.get(0).run();
    boolean interrupted = awaitAll(threads);
    traces.forEach(trace::merge);
    List<T> results = new ArrayList<>();
    tasks.forEach(task -> results.add(result(task)));
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return results;
  }

  /** Joins every thread; on an interrupt of the caller interrupts them all and keeps waiting. True when interrupted. */
  private static boolean awaitAll(List<Thread> threads) {
    boolean interrupted = Thread.interrupted();
    if (interrupted) {
      threads.forEach(Thread::interrupt);
    }
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          threads.forEach(Thread::interrupt);
        }
      }
    }
    return interrupted;
  }

  private static <T> T result(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      throw new IllegalStateException("a finished step cannot be waited for", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a step failed unexpectedly", e.getCause());
    }
  }
}
