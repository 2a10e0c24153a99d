package dev.msgprobe.store;

import dev.msgprobe.model.Measurement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measurements kept beyond their report file. A measurement's identity is {@link MeasurementIds#of}:
 * adding one that is already stored changes nothing. Safe for use from several threads.
 */
public interface Store extends AutoCloseable {
  /** Stores the measurements not stored yet, attributed to {@code probe}; returns how many were new. */
  int add(List<Measurement> measurements, String probe) throws StoreException;

  /** The measurements {@code query} selects, oldest first. */
  List<Measurement> measurements(Query query) throws StoreException;

  /**
   * The latest measurement of each endpoint within each group (an ASN, a country, a probe), for
   * {@code query}; groups in name order, measurements oldest first.
   */
  Map<String, List<Measurement>> latestBy(Grouping grouping, Query query) throws StoreException;

  /** Records an opened report; false when a report with this id exists already. */
  boolean openReport(OpenedReport report) throws StoreException;

  Optional<OpenedReport> report(String reportId) throws StoreException;

  /** Opens a closed report again; false when there is no such report. */
  boolean reopenReport(String reportId) throws StoreException;

  /** Marks a report closed; false when there is no such report. */
  boolean closeReport(String reportId) throws StoreException;

  /** The store as a person would name it: a file path or a database URL without its password. */
  String describe();

  @Override
  void close();
}
