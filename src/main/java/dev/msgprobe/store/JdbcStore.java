package dev.msgprobe.store;

import dev.msgprobe.model.Measurement;
import dev.msgprobe.model.Status;
import dev.msgprobe.model.Verdict;
import dev.msgprobe.report.LatestMeasurements;
import dev.msgprobe.report.ReportJson;
import dev.msgprobe.report.ResumeKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A {@link Store} over JDBC: SQLite for the local history, PostgreSQL for a fleet. The schema is
 * migrated with Flyway when the store opens. Connections come from a fixed set ({@code connections},
 * 1 for SQLite, whose writes are serialised anyway); a caller waits at most 30 s for one.
 */
final class JdbcStore implements Store {
  private static final DateTimeFormatter OONI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final String CONTROL_SERVICE = "control";
  /** Flyway reports every migration check through java.util.logging; the commands' stderr is for the user. */
  private static final java.util.logging.Logger FLYWAY_LOG = quiet(java.util.logging.Logger.getLogger("org.flywaydb"));
  private static final String INSERT_REPORT = "INSERT INTO reports (report_id, test_name, probe_asn, probe_cc, probe,"
      + " software, opened) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final Dialect dialect;
  private final String description;
  private final BlockingQueue<Connection> pool;
  private final List<Connection> all = new ArrayList<>();
  private final Set<YearMonth> partitions = Collections.synchronizedSet(new HashSet<>());

  private JdbcStore(Dialect dialect, String description, List<Connection> connections) {
    this.dialect = dialect;
    this.description = description;
    this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
    this.all.addAll(connections);
  }

  /** Migrates the schema at {@code jdbcUrl} and opens {@code connections} connections to it. */
  static JdbcStore open(Dialect dialect, String jdbcUrl, Properties credentials, String description,
      int connections) throws StoreException {
    try {
      Flyway.configure()
          .dataSource(jdbcUrl, credentials.getProperty("user"), credentials.getProperty("password"))
          .locations("classpath:db/migration/" + dialect.migrations)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(description + ": cannot prepare the schema: " + firstLine(e.getMessage()), e);
    }
    List<Connection> opened = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        Connection c = DriverManager.getConnection(jdbcUrl, credentials);
        c.setAutoCommit(false);
        opened.add(c);
      }
    } catch (SQLException e) {
      opened.forEach(JdbcStore::closeQuietly);
      throw new StoreException(description + ": cannot connect: " + e.getMessage(), e);
    }
    return new JdbcStore(dialect, description, opened);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public int add(List<Measurement> measurements, String probe) throws StoreException {
    List<Row> rows = new ArrayList<>();
    for (Measurement m : measurements) {
      rows.add(Row.of(m, probe));
    }
    if (rows.isEmpty()) {
      return 0;
    }
    if (dialect == Dialect.POSTGRESQL) {
      for (Row r : rows) {
        ensurePartition(YearMonth.from(r.started));
      }
    }
    String sql = "INSERT INTO measurements (uid, started, report_id, endpoint_key, service, function, probe_asn,"
        + " probe_cc, probe, status, method, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + dialect.jsonParameter
        + ") ON CONFLICT DO NOTHING";
    return withConnection("store measurements", c -> {
      insertReports(c, rows);
      int added = 0;
      try (PreparedStatement st = c.prepareStatement(sql)) {
        for (Row r : rows) {
          st.setString(1, r.uid);
          dialect.setTime(st, 2, r.started);
          st.setString(3, r.reportId);
          st.setString(4, r.endpointKey);
          st.setString(5, r.service);
          st.setString(6, r.function);
          st.setString(7, r.probeAsn);
          st.setString(8, r.probeCc);
          st.setString(9, r.probe);
          st.setString(10, r.status);
          st.setString(11, r.method);
          st.setString(12, r.body);
          st.addBatch();
        }
        for (int n : st.executeBatch()) {
          added += Math.max(0, n);
        }
      }
      return added;
    });
  }

  /** The reports of {@code rows} not known yet, opened at their earliest measurement. */
  private void insertReports(Connection c, List<Row> rows) throws SQLException {
    Map<String, Row> firstOfReport = new LinkedHashMap<>();
    for (Row r : rows) {
      firstOfReport.merge(r.reportId, r, (a, b) -> a.started.isAfter(b.started) ? b : a);
    }
    try (PreparedStatement st = c.prepareStatement(INSERT_REPORT)) {
      for (Row r : firstOfReport.values()) {
        bindReport(st, new OpenedReport(r.reportId, r.testName, r.probeAsn, r.probeCc, r.probe, r.software, r.started, null));
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Creates the month's partition the first time a measurement of that month arrives. */
  private void ensurePartition(YearMonth month) throws StoreException {
    if (partitions.contains(month)) {
      return;
    }
    synchronized (partitions) {
      if (partitions.contains(month)) {
        return;
      }
      String name = String.format(Locale.ROOT, "measurements_y%04dm%02d", month.getYear(), month.getMonthValue());
      String ddl = "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF measurements FOR VALUES FROM ('"
          + month.atDay(1) + "') TO ('" + month.plusMonths(1).atDay(1) + "')";
      withConnection("create partition " + name, c -> {
        try (Statement st = c.createStatement()) {
          st.execute(ddl);
        }
        return null;
      });
      partitions.add(month);
    }
  }

  @Override
  public List<Measurement> measurements(Query query) throws StoreException {
    StringBuilder sql = new StringBuilder("SELECT body FROM measurements");
    List<Object> params = where(query, sql);
    sql.append(" ORDER BY started, report_id, endpoint_key");
    return withConnection("read measurements", c -> {
      List<Measurement> out = new ArrayList<>();
      try (PreparedStatement st = prepare(c, sql.toString(), params); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(parse(rs.getString(1)));
        }
      }
      return out;
    });
  }

  @Override
  public Map<String, List<Measurement>> latestBy(Grouping grouping, Query query) throws StoreException {
    StringBuilder sql = new StringBuilder(dialect == Dialect.POSTGRESQL
        ? "SELECT DISTINCT ON (" + grouping.column + ", endpoint_key) " + grouping.column + ", body FROM measurements"
        : "SELECT " + grouping.column + ", body FROM measurements");
    List<Object> params = where(query, sql);
    sql.append(dialect == Dialect.POSTGRESQL
        ? " ORDER BY " + grouping.column + ", endpoint_key, started DESC"
        : " ORDER BY started, report_id, endpoint_key");
    Map<String, List<Measurement>> groups = withConnection("read measurements by " + grouping.column, c -> {
      Map<String, List<Measurement>> out = new TreeMap<>();
      try (PreparedStatement st = prepare(c, sql.toString(), params); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(parse(rs.getString(2)));
        }
      }
      return out;
    });
    Map<String, List<Measurement>> latest = new TreeMap<>();
    groups.forEach((group, ms) -> {
      List<Measurement> sorted = new ArrayList<>(ms);
      sorted.sort((a, b) -> String.valueOf(a.measurementStartTime()).compareTo(String.valueOf(b.measurementStartTime())));
      latest.put(group, LatestMeasurements.ofAnyNetwork(sorted));
    });
    return latest;
  }

  private List<Object> where(Query query, StringBuilder sql) {
    List<Object> params = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    if (query.since() != null) {
      clauses.add("started >= ?");
      params.add(query.since());
    }
    if (query.service() != null) {
      clauses.add("(service = ? OR service = '" + CONTROL_SERVICE + "')");
      params.add(query.service());
    }
    if (!clauses.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", clauses));
    }
    return params;
  }

  private PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    st.setFetchSize(1000);
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof LocalDateTime t) {
        dialect.setTime(st, i + 1, t);
      } else {
        st.setString(i + 1, (String) p);
      }
    }
    return st;
  }

  @Override
  public boolean openReport(OpenedReport r) throws StoreException {
    return withConnection("open report " + r.reportId(), c -> {
      try (PreparedStatement st = c.prepareStatement(INSERT_REPORT)) {
        bindReport(st, r);
        return st.executeUpdate() == 1;
      }
    });
  }

  private void bindReport(PreparedStatement st, OpenedReport r) throws SQLException {
    st.setString(1, r.reportId());
    st.setString(2, r.testName());
    st.setString(3, r.probeAsn());
    st.setString(4, r.probeCc());
    st.setString(5, r.probe());
    st.setString(6, r.software());
    dialect.setTime(st, 7, r.opened());
  }

  @Override
  public Optional<OpenedReport> report(String reportId) throws StoreException {
    return withConnection("read report " + reportId, c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT report_id, test_name, probe_asn, probe_cc, probe, software,"
          + " opened, closed FROM reports WHERE report_id = ?")) {
        st.setString(1, reportId);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new OpenedReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), dialect.time(rs, "opened"), dialect.time(rs, "closed")));
        }
      }
    });
  }

  @Override
  public boolean reopenReport(String reportId) throws StoreException {
    return withConnection("reopen report " + reportId, c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE reports SET closed = NULL WHERE report_id = ?")) {
        st.setString(1, reportId);
        return st.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean closeReport(String reportId) throws StoreException {
    return withConnection("close report " + reportId, c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE reports SET closed = ? WHERE report_id = ?")) {
        dialect.setTime(st, 1, LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0));
        st.setString(2, reportId);
        return st.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void close() {
    for (Connection c : all) {
      closeQuietly(c);
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException, StoreException;
  }

  /** Runs {@code work} in one transaction on a pooled connection; rolled back when it fails. */
  private <T> T withConnection(String what, Work<T> work) throws StoreException {
    Connection c;
    try {
      c = pool.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(description + ": interrupted waiting to " + what);
    }
    if (c == null) {
      throw new StoreException(description + ": no free connection for 30 s to " + what);
    }
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is broken; the next use reports it
      }
      throw new StoreException(description + ": cannot " + what + ": " + e.getMessage(), e);
    } finally {
      pool.add(c);
    }
  }

  private static Measurement parse(String body) throws SQLException {
    try {
      return ReportJson.parseMeasurement(body);
    } catch (IOException e) {
      throw new SQLException("a stored measurement is not a report line: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do with it
    }
  }

  private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** One measurement as the columns of its row. */
  private record Row(String uid, LocalDateTime started, String reportId, String endpointKey, String service,
      String function, String probeAsn, String probeCc, String probe, String status, String method, String body,
      String testName, String software) {

    static Row of(Measurement m, String probe) throws StoreException {
      String body = ReportJson.measurementLine(m);
      String uid = MeasurementIds.of(m);
      LocalDateTime started;
      try {
        started = LocalDateTime.parse(m.measurementStartTime(), OONI_TIME);
      } catch (DateTimeParseException | NullPointerException e) {
        throw new StoreException("measurement of " + m.input() + ": measurement_start_time is not yyyy-MM-dd HH:mm:ss: "
            + m.measurementStartTime());
      }
      if (m.reportId() == null || m.reportId().isBlank()) {
        throw new StoreException("measurement of " + m.input() + " has no report_id");
      }
      String service = m.annotation("service");
      if (service == null || service.isBlank()) {
        service = m.annotation("list");
      }
      service = service == null || service.isBlank() ? "unknown" : service;
      String endpointKey = m.input() == null ? uid
          : (CONTROL_SERVICE.equals(service) ? "control " : "endpoint ") + ResumeKey.of(m);
      Verdict v = m.testKeys() == null ? null : m.testKeys().verdict();
      Status status = v == null || v.status() == null ? Status.INCONCLUSIVE : v.status();
      String method = v == null || v.method() == null ? null : v.method().wire();
      return new Row(uid, started, m.reportId(), endpointKey, service, m.annotation("function"),
          orDefault(m.probeAsn(), "AS0"), orDefault(m.probeCc(), "ZZ"), probe, status.wire(), method, body,
          orDefault(m.testName(), Measurement.TEST_NAME), m.softwareName() + " " + m.softwareVersion());
    }

    private static String orDefault(String value, String fallback) {
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
