package io.twinworks.runtime.live;

import io.twinworks.runtime.http.JsonResponses;
import io.twinworks.runtime.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's dashboards on {@code /api/v1/stream}: every WebSocket is a {@link LiveConnection}, and while there is
 * at least one the hub subscribes to the live topic, so it gets the batches of every node's ingestion. Per
 * connection the events conflate ({@link PendingEvents}) while the client does not read; a ping goes out every
 * {@code ping-interval}.
 */
public final class LiveHub {

  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
  /** Events between the hub and a connection's conflation, which drains it as fast as they come. */
  private static final int QUEUE = 4096;

  private final ActorSystem<?> system;
  private final LiveSettings settings;
  private final Clock clock;
  private final ActorRef<Topic.Command<LiveBatch>> topic;
  private final ActorRef<LiveBatch> subscriber;
  private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();

  private LiveHub(ActorSystem<?> system, LiveSettings settings, Clock clock, ActorRef<Topic.Command<LiveBatch>> topic) {
    this.system = system;
    this.settings = settings;
    this.clock = clock;
    this.topic = topic;
    this.subscriber = system.systemActorOf(Behaviors.receiveMessage(batch -> {
      dispatch(batch);
      return Behaviors.same();
    }), "live-twins-subscriber", Props.empty());
  }

  void dispatch(LiveBatch batch) {
    connections.forEach(connection -> connection.send(batch));
  }

  public static LiveHub start(ActorSystem<?> system, LiveSettings settings, LiveFeed feed, Clock clock) {
    return new LiveHub(system, settings, clock, feed.topic());
  }

  /** The WebSocket handler of one connection, which sees the twins of the tenants {@code principal} sees. */
  public Flow<Message, Message, NotUsed> flow(Principal principal) {
    Pair<BoundedSourceQueue<List<LiveEvent>>, Source<List<LiveEvent>, NotUsed>> queued =
        Source.<List<LiveEvent>>queue(QUEUE).preMaterialize(system);
    LiveConnection connection = new LiveConnection(queued.first(), principal);
    Source<Message, NotUsed> out = queued.second()
        .conflateWithSeed(event -> PendingEvents.of(event, settings.maxPendingTwins()), PendingEvents::addAll)
        .mapConcat(PendingEvents::events)
        .merge(Source.tick(settings.pingInterval(), settings.pingInterval(), "ping")
            .map(tick -> (LiveEvent) new LiveEvent.Ping(clock.instant())))
        .map(event -> (Message) TextMessage.create(JsonResponses.mapper().writeValueAsString(event.json())))
        .watchTermination((notUsed, done) -> {
          done.whenComplete((ok, failure) -> disconnected(connection));
          return NotUsed.getInstance();
        });
    Sink<Message, NotUsed> in = Flow.<Message>create()
        .filter(Message::isText)
        .mapAsync(1, message -> message.asTextMessage().toStrict(5_000, Materializer.matFromSystem(system)))
        .to(Sink.foreach(text -> connection.onText(text.getStrictText())));
    connected(connection);
    return Flow.fromSinkAndSourceCoupled(in, out);
  }

  /** Open dashboard connections on this node. */
  public int connections() {
    return connections.size();
  }

  private synchronized void connected(LiveConnection connection) {
    if (connections.add(connection) && connections.size() == 1) {
      topic.tell(Topic.subscribe(subscriber));
    }
    log.debug("dashboard stream opened; {} on this node", connections.size());
  }

  private synchronized void disconnected(LiveConnection connection) {
    connection.close();
    if (connections.remove(connection) && connections.isEmpty()) {
      topic.tell(Topic.unsubscribe(subscriber));
    }
    log.debug("dashboard stream closed; {} on this node", connections.size());
  }
}
