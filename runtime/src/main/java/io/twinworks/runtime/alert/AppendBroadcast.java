package io.twinworks.runtime.alert;

import io.twinworks.twins.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The alert hub's appends as a cluster-wide signal: the hub (a cluster singleton, on one node) publishes to a Pekko
 * distributed pub-sub {@link Topic}, and every node's subscriber fires that node's {@link AppendSignal}, so every
 * node's {@link AlertTail} reads the log at once. A notice can be lost (a node that just joined, before the topic's
 * registry reached it; a network hiccup): the tails keep polling every {@code twinworks.alerts.poll-interval}.
 */
public final class AppendBroadcast implements AppendListener {

  /** The topic's name; the same on every node. */
  static final String TOPIC = "twinworks-alert-appends";

  /** The notice: the alert log's last seq is now {@code lastSeq}. */
  public record Appended(long lastSeq) implements CborSerializable {}

  private final ActorRef<Topic.Command<Appended>> topic;

  private AppendBroadcast(ActorRef<Topic.Command<Appended>> topic) {
    this.topic = topic;
  }

  /** Joins the topic on this node: notices from any node fire {@code local}. */
  public static AppendBroadcast start(ActorSystem<?> system, AppendSignal local) {
    ActorRef<Topic.Command<Appended>> topic =
        system.systemActorOf(Topic.create(Appended.class, TOPIC), "alert-appends-topic", Props.empty());
    ActorRef<Appended> subscriber = system.systemActorOf(Behaviors.receiveMessage(appended -> {
      local.appended(appended.lastSeq());
      return Behaviors.same();
    }), "alert-appends-subscriber", Props.empty());
    topic.tell(Topic.subscribe(subscriber));
    return new AppendBroadcast(topic);
  }

  /** Tells every node (this one too, through the topic) that the log grew. */
  @Override
  public void appended(long lastSeq) {
    topic.tell(Topic.publish(new Appended(lastSeq)));
  }
}
