-- Telemetry history at full resolution: one row per twin, signal and source time (microseconds).
-- The key makes writes idempotent: a redelivered reading is not stored twice.
CREATE TABLE IF NOT EXISTS telemetry (
  twin_id VARCHAR(256) NOT NULL,
  signal VARCHAR(256) NOT NULL,
  t_us BIGINT NOT NULL,
  v DOUBLE PRECISION NOT NULL,
  q TINYINT NOT NULL,
  PRIMARY KEY (twin_id, signal, t_us)
);
-- Per-minute ('m') and per-hour ('h') rollups, updated in the same transaction as the points that are new.
CREATE TABLE IF NOT EXISTS telemetry_rollup (
  twin_id VARCHAR(256) NOT NULL,
  signal VARCHAR(256) NOT NULL,
  resolution CHAR(1) NOT NULL,
  bucket_us BIGINT NOT NULL,
  vmin DOUBLE PRECISION NOT NULL,
  vmax DOUBLE PRECISION NOT NULL,
  vsum DOUBLE PRECISION NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (twin_id, signal, resolution, bucket_us)
);
