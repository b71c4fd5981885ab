package io.twinworks.runtime.live;

import io.twinworks.runtime.ingest.TwinKey;
import io.twinworks.twins.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * Collects what this node's ingestion applied and sends it, once per flush interval, as one {@link LiveBatch} to
 * a Pekko distributed pub-sub {@link Topic} that every node's {@link LiveHub} joins while it has dashboards. Readings
 * of one twin and signal within an interval collapse to the latest, so the cost does not grow with the reading rate
 * past the number of signals. When no node has a dashboard open (the topic's stats, asked once a second) readings
 * are not even collected.
 */
public final class LiveFeed {

  static final String TOPIC = "twinworks-live-twins";
  private static final Duration STATS_INTERVAL = Duration.ofSeconds(1);

  private final ActorRef<Topic.Command<LiveBatch>> topic;
  private final Map<String, LiveBatch.Delta> pending = new HashMap<>();
  private final List<LiveBatch.Added> added = new ArrayList<>();
  private volatile boolean watched;

  private LiveFeed(ActorRef<Topic.Command<LiveBatch>> topic) {
    this.topic = topic;
  }

  /** Joins the topic on this node and schedules the flushes and the watch of the topic's subscribers. */
  public static LiveFeed start(ActorSystem<?> system, LiveSettings settings) {
    ActorRef<Topic.Command<LiveBatch>> topic =
        system.systemActorOf(Topic.create(LiveBatch.class, TOPIC), "live-twins-topic", Props.empty());
    LiveFeed feed = new LiveFeed(topic);
    system.scheduler().scheduleWithFixedDelay(settings.flushInterval(), settings.flushInterval(), feed::flush,
        system.executionContext());
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, STATS_INTERVAL, () -> feed.askWatched(system),
        system.executionContext());
    return feed;
  }

  ActorRef<Topic.Command<LiveBatch>> topic() {
    return topic;
  }

  /** The readings a twin has just persisted. */
  public void recorded(List<Reading> readings) {
    if (!watched || readings.isEmpty()) {
      return;
    }
    Reading first = readings.get(0);
    Map<String, LiveBatch.Signal> signals = new HashMap<>();
    Instant receivedAt = first.receivedTime();
    for (Reading reading : readings) {
      signals.merge(reading.signal(), signal(reading), LiveFeed::newer);
      if (reading.receivedTime().isAfter(receivedAt)) {
        receivedAt = reading.receivedTime();
      }
    }
    LiveBatch.Delta delta = new LiveBatch.Delta(first.twinId().value(), first.kind().id(), signals, receivedAt);
    synchronized (this) {
      pending.merge(delta.id(), delta, LiveFeed::merge);
    }
  }

  /** A twin the registry has just learnt of: every dashboard's tree shows it at once. */
  public void registered(TwinKey key) {
    if (!watched) {
      return;
    }
    synchronized (this) {
      added.add(new LiveBatch.Added(key.id().value(), key.kind().id(), key.id().tenant()));
    }
  }

  void flush() {
    LiveBatch batch;
    synchronized (this) {
      if (pending.isEmpty() && added.isEmpty()) {
        return;
      }
      batch = new LiveBatch(List.copyOf(pending.values()), List.copyOf(added));
      pending.clear();
      added.clear();
    }
    topic.tell(Topic.publish(batch));
  }

  /** Subscribers on this node or instances of the topic (with subscribers) on others. */
  private void askWatched(ActorSystem<?> system) {
    AskPattern.<Topic.Command<LiveBatch>, Topic.TopicStats>ask(topic, Topic::getTopicStats, STATS_INTERVAL,
            system.scheduler())
        .whenComplete((stats, failure) -> {
          if (stats != null) {
            watched = stats.localSubscriberCount() > 0 || stats.topicInstanceCount() > 0;
          }
        });
  }

  private static LiveBatch.Signal signal(Reading reading) {
    return new LiveBatch.Signal(reading.value(), reading.sourceTime(), reading.quality().id());
  }

  private static LiveBatch.Signal newer(LiveBatch.Signal a, LiveBatch.Signal b) {
    return b.timestamp().isBefore(a.timestamp()) ? a : b;
  }

  /** Two deltas of one twin: the later's values win per signal. */
  static LiveBatch.Delta merge(LiveBatch.Delta earlier, LiveBatch.Delta later) {
    Map<String, LiveBatch.Signal> signals = new HashMap<>(earlier.signals());
    later.signals().forEach((name, signal) -> signals.merge(name, signal, LiveFeed::newer));
    return new LiveBatch.Delta(later.id(), later.kind(), signals,
        later.receivedAt().isAfter(earlier.receivedAt()) ? later.receivedAt() : earlier.receivedAt());
  }
}
