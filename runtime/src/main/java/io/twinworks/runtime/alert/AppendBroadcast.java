package io.twinworks.runtime.alert;

import io.twinworks.persistence.alert.LoggedAlert;
import io.twinworks.twins.CborSerializable;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The alert hub's appends as a cluster-wide signal: the hub (a cluster singleton, on one node) publishes to a Pekko
 * distributed pub-sub {@link Topic}, and every node's subscriber fires that node's {@link AppendSignal}, so every
 * node's {@link AlertTail} passes the changes on at once. An append of up to {@value #MAX_CARRIED} changes carries
 * them (the common case: an alert or a few), so no tail reads the log for them; a larger one carries none and
 * every tail reads the log. A notice can be lost (a node that just joined, before the topic's
 * registry reached it; a network hiccup): the tails keep polling every {@code twinworks.alerts.poll-interval}.
 */
public final class AppendBroadcast implements AppendListener {

  /** The topic's name; the same on every node. */
  static final String TOPIC = "twinworks-alert-appends";

  /** Most changes one notice carries: a few KB each with their evidence, and a notice is one remote message. */
  static final int MAX_CARRIED = 32;

  /** The notice: the alert log's last seq is now {@code lastSeq}, after {@code changes} (or changes not carried). */
  public record Appended(long lastSeq, List<LoggedAlert> changes) implements CborSerializable {

    /** A notice from a node of an earlier version (a rolling update) has no changes: the tails read the log. */
    public Appended {
      changes = changes == null ? List.of() : List.copyOf(changes);
    }
  }

  private final ActorRef<Topic.Command<Appended>> topic;

  private AppendBroadcast(ActorRef<Topic.Command<Appended>> topic) {
    this.topic = topic;
  }

  /** Joins the topic on this node: notices from any node fire {@code local}. */
  public static AppendBroadcast start(ActorSystem<?> system, AppendSignal local) {
    ActorRef<Topic.Command<Appended>> topic =
        system.systemActorOf(Topic.create(Appended.class, TOPIC), "alert-appends-topic", Props.empty());
    ActorRef<Appended> subscriber = system.systemActorOf(Behaviors.receiveMessage(appended -> {
      local.appended(appended.lastSeq(), appended.changes());
      return Behaviors.same();
    }), "alert-appends-subscriber", Props.empty());
    topic.tell(Topic.subscribe(subscriber));
    return new AppendBroadcast(topic);
  }

  /** Tells every node (this one too, through the topic) that the log grew. */
  @Override
  public void appended(long lastSeq, List<LoggedAlert> changes) {
    topic.tell(Topic.publish(new Appended(lastSeq, changes.size() <= MAX_CARRIED ? changes : List.of())));
  }
}
