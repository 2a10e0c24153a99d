package dev.msgprobe.cli;

import dev.msgprobe.engine.Progress;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Endpoint;
import dev.msgprobe.model.Verdict;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. On a terminal: one live line redrawn in place, never wider than the terminal
 * less one column (so it never wraps and {@code \r} always returns to its start). Otherwise: a plain line when
 * a phase starts, then at most one line every {@code interval} (and at the end of a phase), so logs
 * stay short.
 */
public final class ConsoleProgress implements Progress {
  private final PrintWriter err;
  private final boolean live;
  private final int width;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Texts texts;
  private String phase = "";
  private int total;
  private int finished;
  private int notReachable;
  private long lastLine;

  /** Progress in English. */
  public ConsoleProgress(PrintWriter err, Display display, long intervalSeconds, LongSupplier nanoClock) {
    this(err, display, intervalSeconds, nanoClock, Texts.english());
  }

  public ConsoleProgress(PrintWriter err, Display display, long intervalSeconds, LongSupplier nanoClock, Texts texts) {
    this.texts = texts;
    this.err = err;
    this.live = display.live();
    this.width = display.width();
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
      err.println(texts.get("progress.started", total, phaseName()));
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
      String last = endpoint.url() + " " + (verdict == null ? "" : texts.status(verdict.status().wire()));
      err.print("\r\033[2K" + liveLine(phaseName(), finished, total, last, width));
      err.flush();
      return;
    }
    long now = nanoClock.getAsLong();
    if (finished == total || now - lastLine >= intervalNanos) {
      lastLine = now;
      err.println(texts.get("progress.done", phaseName(), finished, total, notReachable));
      err.flush();
    }
  }

  @Override
  public synchronized void done() {
    endLiveLine();
  }

  /** The engine's phase name ({@code controls}, {@code endpoints}) in the reader's language; an unknown one as it is. */
  private String phaseName() {
    String name = texts.find("progress.phase." + phase);
    return name == null ? phase : name;
  }

  private void endLiveLine() {
    if (live && total > 0) {
      err.print("\r\033[2K");
      err.flush();
    }
  }

  /**
   * {@code phase [####....] done/total  last endpoint}, at most {@code columns - 1} characters:
   * the bar narrows first (down to 10), then the endpoint is shortened with "...", then dropped.
   */
  static String liveLine(String phase, int done, int total, String last, int columns) {
    int room = columns - 1;
    String count = " " + done + "/" + total;
    int barWidth = Math.max(10, Math.min(24, room - phase.length() - count.length() - 3 - 30));
    String head = phase + " [" + bar(done, total, barWidth) + "]" + count;
    if (head.length() > room) {
      return head.substring(0, room);
    }
    int left = room - head.length() - 2;
    if (left < 12) {
      return head;
    }
    return head + "  " + (last.length() <= left ? last : last.substring(0, left - 3) + "...");
  }

  static String bar(int done, int total, int width) {
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return "#".repeat(filled) + ".".repeat(width - filled);
  }
}
