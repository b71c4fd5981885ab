-- Every twin the runtime has seen; keyset-paged by id. A tenant is the first segment of the id,
-- so a tenant filter is a range of the primary key and needs no index of its own.
CREATE TABLE IF NOT EXISTS twin_registry (
  id VARCHAR(256) NOT NULL PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  tenant VARCHAR(256) NOT NULL,
  first_seen TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  last_seen TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS twin_registry_kind_id ON twin_registry (kind, id);
