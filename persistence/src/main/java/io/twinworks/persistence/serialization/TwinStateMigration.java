package io.twinworks.persistence.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.twins.TwinSnapshot;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads snapshots written before twins had analytics, when the snapshot was the {@code TwinState}
 * record itself (signals and counters only), as a {@link TwinSnapshot} with the default
 * configuration and fresh analytics and alerts. Without it a twin with such a snapshot could not
 * recover at all.
 */
public final class TwinStateMigration extends JacksonMigration {

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return TwinSnapshot.class.getName();
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    ObjectNode snapshot = (ObjectNode) json;
    snapshot.putObject("config").put("json", "{}");
    snapshot.putNull("analytics");
    snapshot.putNull("alerts");
    return snapshot;
  }
}
