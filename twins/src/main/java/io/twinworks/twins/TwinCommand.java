package io.twinworks.twins;

import java.util.List;
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
}
