package io.twinworks.connectors.opcua;

import io.twinworks.connectors.poll.ReadingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one OPC UA endpoint into a {@link ReadingSink}: one session, one subscription with a monitored item per
 * subscribed node, one read per poll interval for the polled nodes. When the connection fails or is lost (server
 * restart, network, session or subscription gone) it tries again with backoff, each time with a new session and a
 * new subscription and items: it never relies on the server having kept them. Runs until {@link #close()}.
 *
 * <p>Connecting, polling and reconnecting run on one thread of the connector's own; Milo delivers subscription
 * data on its threads, one publish at a time per subscription.
 */
public final class OpcUaEndpointConnector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpcUaEndpointConnector.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final OpcUaEndpoint endpoint;
  private final ClientPki pki;
  private final NodeValueMapper mapper;
  private final SinkHandOff handOff;
  private final ScheduledExecutorService worker;
  private volatile boolean closed;

  // Touched only on the worker thread.
  private Connection connection;
  private long generation;
  private int failures;

  /** A live session: its client, subscription (or null when no node is subscribed) and poll tasks. */
  private record Connection(OpcUaClient client, OpcUaSubscription subscription, List<ScheduledFuture<?>> polls) {}

  private OpcUaEndpointConnector(OpcUaEndpoint endpoint, ClientPki pki, ReadingSink sink) {
    this.endpoint = endpoint;
    this.pki = pki;
    this.mapper = new NodeValueMapper(endpoint.origin());
    this.handOff = new SinkHandOff(sink, endpoint.origin(), () -> closed);
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "twinworks-opcua-" + endpoint.name());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts connecting in the background; readings flow once the server is reachable. */
  public static OpcUaEndpointConnector start(OpcUaEndpoint endpoint, ClientPki pki, ReadingSink sink) {
    OpcUaEndpointConnector connector = new OpcUaEndpointConnector(endpoint, pki, sink);
    connector.worker.execute(connector::connect);
    return connector;
  }

  public OpcUaEndpoint endpoint() {
    return endpoint;
  }

  /** Ends the session and stops; waits up to 5 s for a hand-off in progress. Closing again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    worker.execute(this::disconnect);
    worker.shutdown();
    try {
      if (!worker.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    long current = ++generation;
    OpcUaClient client = null;
    try {
      client = OpcUaClients.create(endpoint.connection(), pki);
      client.connect();
      client.addSessionActivityListener(new SessionActivityListener() {
        @Override
        public void onSessionInactive(UaSession session) {
          connectionLost(current, "the session ended");
        }
      });
      OpcUaSubscription subscription = subscribe(client, current);
      connection = new Connection(client, subscription, schedulePolls(client, current));
      log.info("OPC UA endpoint {} connected to {} ({}/{}, {}): {} subscribed and {} polled nodes", endpoint.name(),
          endpoint.connection().url(), endpoint.connection().securityPolicy(), endpoint.connection().securityMode(),
          endpoint.connection().identity(), endpoint.subscribed().size(), endpoint.polled().size());
      failures = 0;
      if (closed) {
        disconnect(); // closed while connecting
      }
    } catch (Exception e) {
      if (client != null) {
        client.disconnectAsync();
      }
      retryLater("cannot connect to " + endpoint.connection().url() + ": " + reason(e));
    }
  }

  /** Called from any thread; acts on the worker, and only if the connection it was about is still the current one. */
  private void connectionLost(long of, String why) {
    if (closed) {
      return;
    }
    try {
      worker.execute(() -> {
        if (of == generation && connection != null) {
          disconnect();
          retryLater("connection to " + endpoint.connection().url() + " lost: " + why);
        }
      });
    } catch (RejectedExecutionException closing) {
      // closed meanwhile: nothing to reconnect
    }
  }

  private void retryLater(String problem) {
    if (closed) {
      return;
    }
    failures++;
    Duration delay = endpoint.reconnect().delay(failures, ThreadLocalRandom.current().nextDouble());
    log.warn("OPC UA endpoint {}: {}; attempt {} in {} ms", endpoint.name(), problem, failures + 1, delay.toMillis());
    try {
      worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // closed meanwhile
    }
  }

  private void disconnect() {
    Connection ending = connection;
    connection = null;
    if (ending == null) {
      return;
    }
    ending.polls().forEach(poll -> poll.cancel(false));
    try {
      ending.client().disconnectAsync().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.debug("OPC UA endpoint {}: disconnect did not complete cleanly: {}", endpoint.name(), reason(e));
    }
  }

  private OpcUaSubscription subscribe(OpcUaClient client, long current) throws UaException {
    List<NodeMapping> nodes = endpoint.subscribed();
    if (nodes.isEmpty()) {
      return null;
    }
    OpcUaSubscription subscription = new OpcUaSubscription(client, (double) endpoint.publishingInterval().toMillis());
    subscription.setSubscriptionListener(new Listener(current));
    subscription.create();
    List<OpcUaMonitoredItem> items = new ArrayList<>();
    for (NodeMapping node : nodes) {
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node.nodeId());
      item.setSamplingInterval(node.samplingInterval().toNanos() / 1e6);
      item.setQueueSize(UInteger.valueOf(node.queueSize()));
      item.setDiscardOldest(true);
      if (!node.deadband().equals(Deadband.NONE)) {
        item.setFilter(node.deadband().filter());
      }
      item.setUserObject(node);
      items.add(item);
    }
    subscription.addMonitoredItems(items);
    subscription.createMonitoredItems();
    reportFailedItems(items);
    return subscription;
  }

  private void reportFailedItems(List<OpcUaMonitoredItem> items) {
    Batch batch = new Batch();
    Instant now = Instant.now();
    for (OpcUaMonitoredItem item : items) {
      NodeMapping node = (NodeMapping) item.getUserObject().orElseThrow();
      StatusCode result = item.getCreateResult().orElse(StatusCode.BAD);
      if (result.isBad()) {
        log.warn("OPC UA endpoint {}: no monitored item for node {}: {}", endpoint.name(), node.nodeIdText(),
            DataValues.describe(result));
        mapper.nodeFailed(node, "the server refused to monitor node " + node.nodeIdText() + " (" + node.twin() + " "
            + node.signal() + "): " + DataValues.describe(result), now, batch);
      } else {
        mapper.nodeWorks(node);
      }
    }
    handOff.handOver(batch);
  }

  /** One poll task per poll interval, reading all nodes of that interval in one request. */
  private List<ScheduledFuture<?>> schedulePolls(OpcUaClient client, long current) {
    Map<Duration, List<NodeMapping>> byInterval = new LinkedHashMap<>();
    endpoint.polled().forEach(node -> byInterval.computeIfAbsent(node.pollInterval(), i -> new ArrayList<>()).add(node));
    List<ScheduledFuture<?>> polls = new ArrayList<>();
    byInterval.forEach((interval, nodes) -> polls.add(worker.scheduleWithFixedDelay(() -> poll(client, current, nodes),
        0, interval.toMillis(), TimeUnit.MILLISECONDS)));
    return polls;
  }

  private void poll(OpcUaClient client, long current, List<NodeMapping> nodes) {
    if (current != generation || connection == null || closed) {
      return;
    }
    List<NodeId> ids = nodes.stream().map(NodeMapping::nodeId).toList();
    try {
      List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Both, ids);
      Instant received = Instant.now();
      Batch batch = new Batch();
      for (int i = 0; i < nodes.size(); i++) {
        mapper.map(nodes.get(i), values.get(i), received, batch);
      }
      handOff.handOver(batch);
    } catch (UaException e) {
      log.warn("OPC UA endpoint {}: reading {} polled nodes failed: {}", endpoint.name(), nodes.size(), reason(e));
    }
  }

  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** Receives the subscription's data and the signs that it is gone. */
  private final class Listener implements OpcUaSubscription.SubscriptionListener {

    private final long of;

    Listener(long of) {
      this.of = of;
    }

    @Override
    public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items,
        List<DataValue> values) {
      Instant received = Instant.now();
      Batch batch = new Batch();
      for (int i = 0; i < items.size(); i++) {
        NodeMapping node = (NodeMapping) items.get(i).getUserObject().orElseThrow();
        mapper.map(node, values.get(i), received, batch);
      }
      handOff.handOver(batch);
    }

    @Override
    public void onWatchdogTimerElapsed(OpcUaSubscription subscription) {
      connectionLost(of, "the subscription sent nothing, not even a keep-alive, for too long");
    }

    @Override
    public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
      connectionLost(of, "the subscription could not be moved to the new session: " + DataValues.describe(status));
    }

    @Override
    public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
      if (status.isBad()) {
        connectionLost(of, "the server ended the subscription: " + DataValues.describe(status));
      }
    }
  }
}
