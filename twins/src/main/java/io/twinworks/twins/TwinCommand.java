package io.twinworks.twins;

import io.twinworks.twins.alert.Alert;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.oee.OeeBucket;
import io.twinworks.twins.oee.OeeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** Commands every twin kind accepts. Kind-specific commands come later as further records. */
public sealed interface TwinCommand extends CborSerializable {

  /**
   * Records a batch of readings for this twin as one event. Replies after the event is persisted;
   * a reply of success is what lets a connector acknowledge its source.
   */
  record RecordReadings(List<Reading> readings, ActorRef<StatusReply<Recorded>> replyTo)
      implements TwinCommand {}

  /** Asks for the twin's current view. */
  record GetTwin(ActorRef<StatusReply<TwinView>> replyTo) implements TwinCommand {}

  /** The answer to {@link RecordReadings}: how many readings were new, duplicates, or late. */
  record Recorded(int accepted, int duplicates, int late) implements CborSerializable {}

  /**
   * Asks the twin whether it is silent at {@code now} (our clock): if so it persists the loss and
   * raises its alert. Replies with when the next check is due.
   */
  record CheckHeartbeat(Instant now, ActorRef<HeartbeatDue> replyTo) implements TwinCommand {}

  /**
   * When a twin's heartbeat is next due ({@code null} when it has never been seen or is already lost),
   * and the timeout it uses (its own, or the policy's for its kind and id).
   */
  record HeartbeatDue(Instant deadline, HealthStatus health, Duration timeout) implements CborSerializable {}

  /**
   * The twin's source reported at {@code at} (our clock) that it is gone: the twin turns communication-loss at
   * once and raises that alert (nothing changes for a twin never heard from or already lost). Replies once the
   * loss is persisted.
   */
  record MarkCommunicationLost(Instant at, String cause, ActorRef<StatusReply<Done>> replyTo)
      implements TwinCommand {}

  /** Replaces the twin's own configuration; an invalid one is refused with a message naming the key. */
  record Configure(TwinConfig config, ActorRef<StatusReply<TwinConfig>> replyTo) implements TwinCommand {}

  /** Asks for the twin's own configuration. */
  record GetConfig(ActorRef<StatusReply<TwinConfig>> replyTo) implements TwinCommand {}

  /** Acknowledges one of the twin's open alerts; an unknown or cleared one is refused. */
  record AcknowledgeAlert(String alertId, Instant at, ActorRef<StatusReply<Alert>> replyTo) implements TwinCommand {}

  /** From the alert hub: it has the twin's alert changes up to and including {@code upTo}. */
  record ConfirmAlerts(long upTo) implements TwinCommand {}

  /** Asks for a machine's OEE windows of one bucket overlapping {@code [from, to)}. */
  record GetOee(OeeBucket bucket, Instant from, Instant to, ActorRef<StatusReply<List<OeeWindow>>> replyTo)
      implements TwinCommand {}
}
