-- The alert log: every alert change, numbered by the alert hub (seq). tenant, twin_id and severity (1 info,
-- 2 warning, 3 critical) are copies of the alert's for filtering; logged_at is when the change was appended
-- (retention counts from it).
CREATE TABLE IF NOT EXISTS alert_log (
  seq BIGINT NOT NULL PRIMARY KEY,
  tenant VARCHAR(256) NOT NULL,
  twin_id VARCHAR(256) NOT NULL,
  severity TINYINT NOT NULL,
  logged_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  alert VARBINARY NOT NULL
);
-- Changes since a seq of one tenant or one twin, in seq order; and the purge by age.
CREATE INDEX IF NOT EXISTS alert_log_tenant_seq ON alert_log (tenant, seq);
CREATE INDEX IF NOT EXISTS alert_log_twin_seq ON alert_log (twin_id, seq);
CREATE INDEX IF NOT EXISTS alert_log_logged_at ON alert_log (logged_at);
-- The current state of every alert: its change of the highest seq. Listed newest raised first (raise time in
-- epoch microseconds, then id), so every filter shape has an index in that order.
CREATE TABLE IF NOT EXISTS alert_current (
  id VARCHAR(300) NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL,
  tenant VARCHAR(256) NOT NULL,
  twin_id VARCHAR(256) NOT NULL,
  state VARCHAR(16) NOT NULL,
  raised_us BIGINT NOT NULL,
  logged_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  alert VARBINARY NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_current_raised ON alert_current (raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_state ON alert_current (state, raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_tenant ON alert_current (tenant, raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_tenant_state ON alert_current (tenant, state, raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_twin ON alert_current (twin_id, raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_twin_state ON alert_current (twin_id, state, raised_us DESC, id DESC);
CREATE INDEX IF NOT EXISTS alert_current_state_logged_at ON alert_current (state, logged_at);
-- 'last': the highest seq ever appended, kept apart from the log so that purging never lowers it.
CREATE TABLE IF NOT EXISTS alert_log_marks (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL
);
MERGE INTO alert_log_marks t USING (VALUES ('last', CAST(0 AS BIGINT))) AS s(name, seq) ON t.name = s.name
  WHEN NOT MATCHED THEN INSERT (name, seq) VALUES (s.name, s.seq);
-- Each delivery channel's cursor (the MQTT alert topic: 'mqtt'; a webhook: 'webhook:<endpoint name>'): the seq of
-- the last change it delivered or moved past. Only ever raised.
CREATE TABLE IF NOT EXISTS alert_delivery_cursors (
  name VARCHAR(300) NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL
);
