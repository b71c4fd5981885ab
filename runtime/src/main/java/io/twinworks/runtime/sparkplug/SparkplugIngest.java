package io.twinworks.runtime.sparkplug;

import io.twinworks.connectors.sparkplug.EdgeNodeId;
import io.twinworks.connectors.sparkplug.SparkplugResult;
import io.twinworks.connectors.sparkplug.SparkplugSessions;
import io.twinworks.connectors.sparkplug.SparkplugSettings;
import io.twinworks.connectors.sparkplug.SparkplugTopic;
import io.twinworks.twins.TwinKind;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sparkplug B in the ingestion stage: the one host session state of this runtime, fed every message of the
 * {@code spBv1.0} namespace in arrival order, and where its rebirth requests go.
 */
public final class SparkplugIngest {

  private final boolean enabled;
  private final SparkplugSessions sessions;
  private final Consumer<EdgeNodeId> rebirths;

  private SparkplugIngest(boolean enabled, SparkplugSessions sessions, Consumer<EdgeNodeId> rebirths) {
    this.enabled = enabled;
    this.sessions = sessions;
    this.rebirths = rebirths;
  }

  /** Decodes Sparkplug when {@code settings} enable it; rebirth requests go to {@code rebirths}. */
  public static SparkplugIngest create(SparkplugSettings settings, Consumer<EdgeNodeId> rebirths) {
    return new SparkplugIngest(settings.enabled(), SparkplugSessions.create(settings), rebirths);
  }

  /** Whether this message is Sparkplug's to decode (not the topic routes'). */
  public boolean handles(String topic) {
    return enabled && SparkplugTopic.isSparkplug(topic);
  }

  public TwinKind kind() {
    return sessions.kind();
  }

  /** Decodes one message and sends the rebirth request it calls for, if any. */
  public SparkplugResult decode(String topic, byte[] payload, Instant receivedTime) {
    SparkplugResult result = sessions.decode(topic, payload, receivedTime);
    result.rebirth().ifPresent(rebirths);
    return result;
  }
}
