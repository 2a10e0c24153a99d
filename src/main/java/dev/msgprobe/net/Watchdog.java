package dev.msgprobe.net;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket when an operation outlives its deadline, so a peer trickling bytes (each read
 * within the read timeout) cannot hold a handshake or an upgrade open for longer than that. The
 * operation then fails with a socket error; {@link #fired()} tells that it was the deadline.
 */
public final class Watchdog implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "msgprobe-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledFuture<?> task;

  private Watchdog(Socket socket, Duration deadline) {
    this.task = TIMER.schedule(() -> {
      fired.set(true);
      Sockets.closeQuietly(socket);
    }, deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  public static Watchdog arm(Socket socket, Duration deadline) {
    return new Watchdog(socket, deadline);
  }

  public boolean fired() {
    return fired.get();
  }

  /** Disarms; the socket stays open if the deadline had not passed. */
  @Override
  public void close() {
    task.cancel(false);
  }
}
