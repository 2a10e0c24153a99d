package dev.msgprobe.collector;

import dev.msgprobe.engine.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code run --submit}: sends each report line to the collector on a thread of its own, after the line
 * is in the report file. When the collector cannot be reached, it stops sending for the rest of the run
 * and says so: the lines are in the report, and {@code msgprobe submit} sends them later. At the end of
 * the run it waits at most {@code drain} for the lines still queued.
 */
public final class LiveSubmitter implements RunListener {
  private final CollectorClient client;
  private final PrintWriter err;
  private final Duration drain;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "msgprobe-submit");
    t.setDaemon(true);
    return t;
  });
  private volatile Submission submission;
  private volatile String failure;
  private Path report;

  public LiveSubmitter(CollectorClient client, PrintWriter err, Duration drain) {
    this.client = client;
    this.err = err;
    this.drain = drain;
  }

  @Override
  public void started(Path report) {
    this.report = report;
    try {
      submission = new Submission(client, Acknowledgements.of(report, client.url()));
    } catch (IOException e) {
      failure = Acknowledgements.sidecar(report) + ": " + e.getMessage();
    }
  }

  @Override
  public void written(String line) {
    sender.execute(() -> {
      if (failure != null || submission == null) {
        return;
      }
      try {
        submission.send(line);
      } catch (CollectorException | IOException e) {
        failure = e.getMessage();
      }
    });
  }

  @Override
  public void finished(Path ignored) {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        sender.shutdownNow();
        failure = failure != null ? failure : "the collector did not take every line within " + drain.toSeconds() + " s";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (submission == null) {
      return;
    }
    if (failure == null) {
      submission.closeReports();
    }
    Submission.Outcome o = submission.outcome();
    o.refused().forEach(r -> err.println("msgprobe: the collector refused " + r));
    if (failure != null) {
      err.println("msgprobe: submitting to " + client.url() + " stopped after " + o.sent() + " measurements: " + failure
          + "; the report keeps everything: send the rest with  msgprobe submit " + report + " --to " + client.url());
    }
    err.flush();
  }
}
