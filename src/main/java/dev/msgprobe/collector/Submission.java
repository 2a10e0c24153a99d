package dev.msgprobe.collector;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.store.MeasurementIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends report lines to one collector, each once it is known: a line the collector acknowledged is
 * recorded in the report's {@link Acknowledgements} and not sent again. Reports are opened on the
 * collector the first time one of their lines is sent. Not thread-safe: one sender at a time.
 */
public final class Submission {
  /** What became of the lines offered: sent now, acknowledged before, refused (with why). */
  public record Outcome(int sent, int already, List<String> refused) {}

  private final CollectorClient client;
  private final Acknowledgements acknowledged;
  private final Map<String, String> opened = new HashMap<>();
  private int sent;
  private int already;
  private final List<String> refused = new ArrayList<>();

  public Submission(CollectorClient client, Acknowledgements acknowledged) {
    this.client = client;
    this.acknowledged = acknowledged;
  }

  /**
   * Sends {@code line} unless it was acknowledged before.
   *
   * @throws CollectorException when the collector cannot be reached or fails (try the rest later);
   *     a line it refuses (4xx) is counted in {@link Outcome#refused} instead
   * @throws IOException when the line is not a measurement or the sidecar cannot be written
   */
  public void send(String line) throws CollectorException, IOException {
    Measurement m = ReportJson.parseMeasurement(line);
    String uid = MeasurementIds.of(m);
    if (acknowledged.contains(uid)) {
      already++;
      return;
    }
    try {
      String reportId = opened.get(m.reportId());
      if (reportId == null) {
        reportId = client.open(m);
        opened.put(m.reportId(), reportId);
      }
      client.submit(reportId, line);
    } catch (CollectorException e) {
      if (!e.refused()) {
        throw e;
      }
      refused.add(m.input() + ": " + e.getMessage());
      return;
    }
    acknowledged.add(uid);
    sent++;
  }

  /** Closes the reports opened on the collector; best effort. */
  public void closeReports() {
    for (String reportId : opened.values()) {
      try {
        client.close(reportId);
      } catch (CollectorException e) {
        // a report left open is harmless: the collector accepts lines until it is closed, and reopens it
      }
    }
  }

  public Outcome outcome() {
    return new Outcome(sent, already, List.copyOf(refused));
  }
}
