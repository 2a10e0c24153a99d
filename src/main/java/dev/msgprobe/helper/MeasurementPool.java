package dev.msgprobe.helper;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper's measurement threads: one pool of at most {@code threads}, shared by every request, that
 * knows which request each task works for. A request's tasks are its root ({@link #submitRequest}) and
 * every task submitted from them, transitively; {@code whenAllEnded} runs once the last of them has
 * really ended — not merely been cancelled — so a request's slot is freed only when its threads are.
 * Threads end when idle.
 */
final class MeasurementPool extends AbstractExecutorService {
  private static final ThreadLocal<Phaser> REQUEST = new ThreadLocal<>();

  private final ThreadPoolExecutor pool;

  MeasurementPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "msgprobe-helper-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Starts a request's root task; {@code whenAllEnded} runs on the thread that ends its last task. */
  <T> Future<T> submitRequest(Callable<T> root, Runnable whenAllEnded) {
    Phaser request = new Phaser(1) {
      @Override
      protected boolean onAdvance(int phase, int parties) {
        whenAllEnded.run();
        return true;
      }
    };
    FutureTask<T> task = new FutureTask<>(root);
    try {
      pool.execute(() -> runFor(request, task));
    } catch (RuntimeException rejected) {
      request.arriveAndDeregister();
      throw rejected;
    }
    return task;
  }

  @Override
  public void execute(Runnable command) {
    Phaser request = REQUEST.get();
    if (request != null) {
      request.register();
    }
    try {
      pool.execute(() -> runFor(request, command));
    } catch (RuntimeException rejected) {
      if (request != null) {
        request.arriveAndDeregister();
      }
      throw rejected;
    }
  }

  private static void runFor(Phaser request, Runnable command) {
    REQUEST.set(request);
    try {
      command.run();
    } finally {
      REQUEST.remove();
      if (request != null) {
        request.arriveAndDeregister();
      }
    }
  }

  /** Threads alive now (busy or idle). */
  int threads() {
    return pool.getPoolSize();
  }

  @Override
  public void shutdown() {
    pool.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return pool.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return pool.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return pool.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return pool.awaitTermination(timeout, unit);
  }
}
