package dev.msgprobe.cli;

import dev.msgprobe.engine.Progress;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Verdict;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal: one live line redrawn in place. Otherwise: a plain line when
 * a phase starts, then at most one line every {@code interval} (and at the end of a phase), so logs
 * stay short.
 */
public final class ConsoleProgress implements Progress {
  private final PrintWriter err;
  private final boolean live;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private String phase = "";
  private int total;
  private int finished;
  private int notReachable;
  private long lastLine;

  public ConsoleProgress(PrintWriter err, boolean live, long intervalSeconds, LongSupplier nanoClock) {
    this.err = err;
    this.live = live;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
    this.nanoClock = nanoClock;
  }

  @Override
  public synchronized void started(String phase, int total) {
    endLiveLine();
    this.phase = phase;
    this.total = total;
    this.finished = 0;
    this.notReachable = 0;
    this.lastLine = nanoClock.getAsLong();
    if (!live) {
      err.printf("msgprobe: measuring %d %s%n", total, phase);
      err.flush();
    }
  }

  @Override
  public synchronized void finished(Endpoint endpoint, Verdict verdict) {
    finished++;
    if (verdict != null && verdict.status() != dev.msgprobe.model.Status.REACHABLE) {
      notReachable++;
    }
    if (live) {
      String bar = bar(finished, total, 24);
      String last = endpoint.url() + " " + (verdict == null ? "" : verdict.status().wire());
      if (last.length() > 50) {
        last = last.substring(0, 47) + "...";
      }
      err.printf("\r\033[2K%s [%s] %d/%d  %s", phase, bar, finished, total, last);
      err.flush();
      return;
    }
    long now = nanoClock.getAsLong();
    if (finished == total || now - lastLine >= intervalNanos) {
      lastLine = now;
      err.printf("msgprobe: %s %d/%d done, %d not reachable%n", phase, finished, total, notReachable);
      err.flush();
    }
  }

  @Override
  public synchronized void done() {
    endLiveLine();
  }

  private void endLiveLine() {
    if (live && total > 0) {
      err.print("\r\033[2K");
      err.flush();
    }
  }

  static String bar(int done, int total, int width) {
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return "#".repeat(filled) + ".".repeat(width - filled);
  }
}
