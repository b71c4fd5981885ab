package io.twinworks.connectors.mqtt;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.apache.pekko.Done;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAckImpl;
import org.apache.pekko.stream.stage.AbstractGraphStageWithMaterializedValue;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One connection of a persistent QoS 1 session, as a source of messages that are acknowledged only by
 * {@link MqttMessageWithAck#ack()}. Unlike Pekko Connectors' MQTT source, Paho's manual acks are on
 * before connecting: a broker sends a persistent session's queued messages right after CONNACK, and
 * the connector switched manual acks on only later, so Paho acknowledged those messages on arrival —
 * lost if the stream then failed before persisting them (CassandraOutageIT found one).
 *
 * <p>Backpressure: Paho's callback thread waits for room in a buffer of {@code bufferSize} messages.
 * Materializes a stage that completes when the broker granted the subscription.
 */
final class ManualAckMqttSource
    extends AbstractGraphStageWithMaterializedValue<SourceShape<MqttMessageWithAck>, CompletionStage<Done>> {

  private static final long DISCONNECT_QUIESCE_MILLIS = 2_000;
  private static final int SUBSCRIPTION_FAILED = 0x80;

  private final Outlet<MqttMessageWithAck> out = Outlet.create("ManualAckMqttSource.out");
  private final SourceShape<MqttMessageWithAck> shape = SourceShape.of(out);
  private final MqttSettings settings;
  private final List<String> filters;

  ManualAckMqttSource(MqttSettings settings, List<String> filters) {
    this.settings = settings;
    this.filters = List.copyOf(filters);
  }

  @Override
  public SourceShape<MqttMessageWithAck> shape() {
    return shape;
  }

  @Override
  public Pair<GraphStageLogic, CompletionStage<Done>> createLogicAndMaterializedValuePair(Attributes attributes) {
    CompletableFuture<Done> subscribed = new CompletableFuture<>();
    return Pair.create(new Logic(subscribed), subscribed);
  }

  private final class Logic extends GraphStageLogic {
    private final CompletableFuture<Done> subscribed;
    private final Semaphore room = new Semaphore(settings.bufferSize());
    private final ArrayDeque<MqttMessageWithAck> queue = new ArrayDeque<>();
    private AsyncCallback<MqttMessageWithAck> onMessage;
    private AsyncCallback<Throwable> onFailure;
    private MqttAsyncClient client;

    Logic(CompletableFuture<Done> subscribed) {
      super(shape);
      this.subscribed = subscribed;
      setHandler(out, new AbstractOutHandler() {
        @Override
        public void onPull() {
          pushQueued();
        }
      });
    }

    @Override
    public void preStart() {
      onMessage = createAsyncCallback(message -> {
        queue.add(message);
        pushQueued();
      });
      onFailure = createAsyncCallback(this::fail);
      try {
        client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback(client));
        client.connect(settings.connectOptions(), null, listener(connected -> subscribe()));
      } catch (MqttException | RuntimeException e) {
        fail(e);
      }
    }

    private void subscribe() throws MqttException {
      int[] qos = filters.stream().mapToInt(f -> 1).toArray();
      client.subscribe(filters.toArray(String[]::new), qos, null, listener(token -> {
        for (int granted : token.getGrantedQos()) {
          if (granted == SUBSCRIPTION_FAILED) {
            throw new IllegalStateException("the broker refused the subscription to " + filters);
          }
        }
        subscribed.complete(Done.getInstance());
      }));
    }

    private void pushQueued() {
      if (isAvailable(out) && !queue.isEmpty()) {
        push(out, queue.poll());
        room.release();
      }
    }

    private void fail(Throwable cause) {
      subscribed.completeExceptionally(cause);
      failStage(cause);
    }

    @Override
    public void postStop() {
      subscribed.completeExceptionally(new IllegalStateException("the MQTT source stopped"));
      room.release(settings.bufferSize() + 1); // a callback thread waiting for room must not hang
      if (client == null) {
        return;
      }
      try {
        // Quiesce: acks handed to Paho are sent before the connection closes, so they are not redelivered.
        client.disconnect(DISCONNECT_QUIESCE_MILLIS, null, listener(done -> client.close()));
      } catch (MqttException e) {
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        client.close(true);
      } catch (MqttException e) {
        // the connection is gone either way
      }
    }

    /** An action listener that hands failures, thrown or reported, to the stage. */
    private IMqttActionListener listener(TokenAction onSuccess) {
      return new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          try {
            onSuccess.run(token);
          } catch (Exception e) {
            onFailure.invoke(e);
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
          onFailure.invoke(cause);
        }
      };
    }

    private final class Callback implements MqttCallback {
      private final MqttAsyncClient connection;

      Callback(MqttAsyncClient connection) {
        this.connection = connection;
      }

      @Override
      public void connectionLost(Throwable cause) {
        onFailure.invoke(cause);
      }

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message)
          throws InterruptedException {
        room.acquire();
        onMessage.invoke(new Received(connection, topic, message));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // this source publishes nothing
      }
    }
  }

  @FunctionalInterface
  private interface TokenAction {
    void run(IMqttToken token) throws Exception;
  }

  /** A received message; its ack goes to the connection it came on, and fails once that is gone. */
  private static final class Received extends MqttMessageWithAckImpl {
    private final MqttAsyncClient connection;
    private final MqttMessage message;
    private final int id;
    private final int qos;

    Received(MqttAsyncClient connection, String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
      this.connection = connection;
      this.message = MqttMessage.create(topic, ByteString.fromArrayUnsafe(message.getPayload()));
      this.id = message.getId();
      this.qos = message.getQos();
    }

    @Override
    public MqttMessage message() {
      return message;
    }

    @Override
    public CompletionStage<Done> ack() {
      try {
        connection.messageArrivedComplete(id, qos);
        return CompletableFuture.completedFuture(Done.getInstance());
      } catch (MqttException | RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
