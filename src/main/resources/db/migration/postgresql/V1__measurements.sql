-- The fleet store. measurements is partitioned by month of measurement_start_time; the store creates
-- each month's partition the first time a measurement of that month arrives. The primary key holds the
-- partition key, as PostgreSQL requires; uid (the SHA-256 of the report line) already covers the start
-- time, so (started, uid) identifies a measurement as uid alone does.
CREATE TABLE reports (
  report_id     text PRIMARY KEY,
  test_name     text NOT NULL,
  probe_asn     text NOT NULL,
  probe_cc      text NOT NULL,
  probe         text NOT NULL,
  software      text,
  opened        timestamp NOT NULL,
  closed        timestamp
);

CREATE TABLE measurements (
  uid           text NOT NULL,
  started       timestamp NOT NULL,     -- measurement_start_time, UTC
  report_id     text NOT NULL,
  endpoint_key  text NOT NULL,
  service       text NOT NULL,
  function      text,
  probe_asn     text NOT NULL,
  probe_cc      text NOT NULL,
  probe         text NOT NULL,
  status        text NOT NULL,
  method        text,
  body          jsonb NOT NULL,
  PRIMARY KEY (started, uid)
) PARTITION BY RANGE (started);

-- history --service S --since D, report --since D
CREATE INDEX measurements_service_started ON measurements (service, started);
-- report --by asn|cc|probe: the latest measurement of each endpoint per network
CREATE INDEX measurements_asn_latest ON measurements (probe_asn, endpoint_key, started DESC);
CREATE INDEX measurements_cc_latest ON measurements (probe_cc, endpoint_key, started DESC);
CREATE INDEX measurements_probe_latest ON measurements (probe, endpoint_key, started DESC);
-- per-day counts and runs
CREATE INDEX measurements_report ON measurements (report_id);
