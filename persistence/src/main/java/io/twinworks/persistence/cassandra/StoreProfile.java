package io.twinworks.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.util.Locale;
import java.util.Map;

/**
 * Which store the process runs on, from {@code twinworks.store.profile} (env {@code TWINWORKS_STORE}); the same jar
 * serves both. The runtime sets Pekko's journal and snapshot plugins from {@link #pluginConfig()} and opens the
 * matching {@code TwinworksStore} ({@code EmbeddedStore} or {@link CassandraStore}).
 */
public enum StoreProfile {
  EMBEDDED("embedded", "jdbc-journal", "jdbc-snapshot-store"),
  CASSANDRA("cassandra", "pekko.persistence.cassandra.journal", "pekko.persistence.cassandra.snapshot");

  public static final String KEY = "twinworks.store.profile";

  private final String id;
  private final String journalPluginId;
  private final String snapshotPluginId;

  StoreProfile(String id, String journalPluginId, String snapshotPluginId) {
    this.id = id;
    this.journalPluginId = journalPluginId;
    this.snapshotPluginId = snapshotPluginId;
  }

  /**
   * The configured profile. {@code twinworks.store} is an object ({@code twinworks.store.h2}), so the switch is
   * {@code twinworks.store.profile}; a plain {@code twinworks.store = cassandra} is accepted too.
   */
  public static StoreProfile from(Config config) {
    String key = KEY;
    if (config.hasPath("twinworks.store") && config.getValue("twinworks.store").valueType() == ConfigValueType.STRING) {
      key = "twinworks.store";
    } else if (!config.hasPath(KEY)) {
      return EMBEDDED;
    }
    String value;
    try {
      value = config.getString(key).trim().toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid config key " + key + ": " + e.getMessage(), e);
    }
    for (StoreProfile profile : values()) {
      if (profile.id.equals(value)) {
        return profile;
      }
    }
    throw new IllegalArgumentException(key + " must be 'embedded' or 'cassandra', was '" + value + "'");
  }

  public String id() {
    return id;
  }

  public String journalPluginId() {
    return journalPluginId;
  }

  public String snapshotPluginId() {
    return snapshotPluginId;
  }

  /** {@code pekko.persistence.journal.plugin} and {@code snapshot-store.plugin} for this profile. */
  public Config pluginConfig() {
    return ConfigFactory.parseMap(Map.of(
        "pekko.persistence.journal.plugin", journalPluginId,
        "pekko.persistence.snapshot-store.plugin", snapshotPluginId));
  }
}
