-- The local history: one row per measurement (identity: uid, the SHA-256 of its report line) and one
-- per report (run) seen. The measurement's report line is kept whole in body, so the history can show
-- everything a report shows; the other columns are what the queries filter and group on.
CREATE TABLE reports (
  report_id     TEXT PRIMARY KEY,
  test_name     TEXT NOT NULL,
  probe_asn     TEXT NOT NULL,
  probe_cc      TEXT NOT NULL,
  probe         TEXT NOT NULL,
  software      TEXT,
  opened        TEXT NOT NULL,
  closed        TEXT
);

CREATE TABLE measurements (
  uid           TEXT NOT NULL PRIMARY KEY,
  started       TEXT NOT NULL,          -- measurement_start_time, 'yyyy-MM-dd HH:mm:ss' UTC
  report_id     TEXT NOT NULL,
  endpoint_key  TEXT NOT NULL,
  service       TEXT NOT NULL,
  function      TEXT,
  probe_asn     TEXT NOT NULL,
  probe_cc      TEXT NOT NULL,
  probe         TEXT NOT NULL,
  status        TEXT NOT NULL,
  method        TEXT,
  body          TEXT NOT NULL
);

CREATE INDEX measurements_service_started ON measurements (service, started);
CREATE INDEX measurements_started ON measurements (started);
CREATE INDEX measurements_report ON measurements (report_id);
