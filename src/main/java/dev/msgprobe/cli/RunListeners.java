package dev.msgprobe.cli;

import dev.msgprobe.collector.CollectorClient;
import dev.msgprobe.collector.LiveSubmitter;
import dev.msgprobe.engine.RunListener;
import dev.msgprobe.i18n.Texts;
import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.ReportReader;
import dev.msgprobe.store.Store;
import dev.msgprobe.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code run} does beside writing its report: record the run in the history store when it ends,
 * and send each line to a collector ({@code --submit}). Neither can fail the run: a store or collector
 * that fails is reported on stderr, and the report has everything.
 */
final class RunListeners implements RunListener, AutoCloseable {
  private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(10);

  private final List<RunListener> listeners;
  private final Store store;
  private final PrintWriter err;

  private RunListeners(List<RunListener> listeners, Store store, PrintWriter err) {
    this.listeners = listeners;
    this.store = store;
    this.err = err;
  }

  /**
   * @throws IllegalArgumentException for a {@code --store} that cannot be opened or an unreadable token
   *     file (the default local store that cannot be opened is only a warning)
   */
  static RunListeners open(StoreOption storeOption, Map<String, String> env, String submitUrl, Path tokenFile,
      PrintWriter err, boolean quiet, Texts texts) {
    List<RunListener> listeners = new ArrayList<>();
    Store store = null;
    try {
      Optional<Store> opened = storeOption.open(env);
      store = opened.orElse(null);
    } catch (StoreException e) {
      if (storeOption.url != null) {
        throw new IllegalArgumentException("--store: " + e.getMessage(), e);
      }
      err.println(texts.get("run.notRecordedLocally", e.getMessage()));
    }
    if (store != null) {
      listeners.add(new Recorder(store, err, texts));
    }
    if (submitUrl != null) {
      String token = null;
      if (tokenFile != null) {
        try {
          token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          if (store != null) {
            store.close();
          }
          throw new IllegalArgumentException(texts.get("option.cannotRead", "--submit-token-file", tokenFile, e.getMessage()), e);
        }
      }
      listeners.add(new LiveSubmitter(new CollectorClient(submitUrl, token, SUBMIT_TIMEOUT), err, Duration.ofSeconds(60)));
    }
    return new RunListeners(listeners, store, err);
  }

  @Override
  public void started(Path report) {
    listeners.forEach(l -> l.started(report));
  }

  @Override
  public void written(String line) {
    listeners.forEach(l -> l.written(line));
  }

  @Override
  public void finished(Path report) {
    listeners.forEach(l -> l.finished(report));
    err.flush();
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }

  /**
   * Indexes the whole report (a resumed one too) into the store when the run ends, {@link #BATCH}
   * measurements at a time, so a report of thousands of endpoints is never held in memory whole.
   */
  private record Recorder(Store store, PrintWriter err, Texts texts) implements RunListener {
    static final int BATCH = 200;

    @Override
    public void finished(Path report) {
      try {
        List<Measurement> batch = new ArrayList<>();
        StoreException[] failed = new StoreException[1];
        ReportReader.forEach(report, m -> {
          if (failed[0] != null) {
            return;
          }
          batch.add(m);
          if (batch.size() == BATCH) {
            failed[0] = add(batch);
          }
        });
        if (failed[0] == null) {
          failed[0] = add(batch);
        }
        if (failed[0] != null) {
          throw failed[0];
        }
      } catch (IOException | StoreException e) {
        err.println(texts.get("run.notRecorded", store.describe(), e.getMessage(), report));
      }
    }

    /** Adds and empties {@code batch}; the failure, or null. */
    private StoreException add(List<Measurement> batch) {
      try {
        store.add(List.copyOf(batch), "local");
        return null;
      } catch (StoreException e) {
        return e;
      } finally {
        batch.clear();
      }
    }
  }
}
