package io.twinworks.runtime.sparkplug;

import io.twinworks.connectors.mqtt.MqttIngestSource;
import io.twinworks.connectors.mqtt.MqttSettings;
import io.twinworks.connectors.sparkplug.SparkplugSettings;
import io.twinworks.runtime.config.RuntimeSettings.IngestSettings;
import io.twinworks.runtime.ingest.BatchProcessor;
import io.twinworks.runtime.ingest.IngestionPipeline;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The Sparkplug B host session of a cluster whose ingestion is shared: a Sparkplug edge node's sequence numbers and
 * births need one host that sees all of its messages, so {@code spBv1.0/#} is not a shared subscription but a
 * cluster singleton with its own ingestion stream. Its client id is the same on every node, so the persistent session
 * (and what is queued in it) moves with the singleton: after a hand-over, or after its node died and was downed,
 * the next node gets what had not been acknowledged.
 */
public final class SparkplugHost {

  private static final String NAME = "sparkplug-host";

  /** Stops the host: drain, then stop (the singleton's hand-over waits for it). */
  private enum Command { STOP, DRAINED }

  private SparkplugHost() {}

  public static void start(ActorSystem<?> system, MqttSettings ingest, BatchProcessor processor,
      IngestSettings settings) {
    MqttSettings connection = ingest.withClientId(clientId(ingest));
    ClusterSingleton.get(system).init(
        SingletonActor.of(host(connection, processor, settings), NAME).withStopMessage(Command.STOP));
  }

  /** One id for the whole cluster (per shared group): the singleton's session follows it from node to node. */
  public static String clientId(MqttSettings ingest) {
    return "twinworks-sparkplug-host-" + ingest.sharedGroup();
  }

  private static Behavior<Command> host(MqttSettings connection, BatchProcessor processor, IngestSettings settings) {
    return Behaviors.setup(context -> {
      context.getLog().info("running the Sparkplug B host session here (client id {})", connection.clientId());
      MqttIngestSource source = MqttIngestSource.create(connection, List.of(SparkplugSettings.SUBSCRIPTION));
      IngestionPipeline pipeline = IngestionPipeline.start(context.getSystem(), source.source(), processor, settings);
      return Behaviors.receive(Command.class)
          .onMessageEquals(Command.STOP, () -> {
            context.pipeToSelf(pipeline.drain(), (done, failure) -> Command.DRAINED);
            return Behaviors.same();
          })
          .onMessageEquals(Command.DRAINED, Behaviors::stopped)
          .build();
    });
  }
}
