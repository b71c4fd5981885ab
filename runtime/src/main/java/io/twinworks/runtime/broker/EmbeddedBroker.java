package io.twinworks.runtime.broker;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTStateManager;
import org.apache.activemq.artemis.core.remoting.server.RemotingService;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.apache.activemq.artemis.utils.critical.CriticalAnalyzerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ActiveMQ Artemis broker inside the Twinworks process, speaking MQTT only, so {@code bin/twinworks
 * run} needs nothing installed. Artemis is used because it keeps the QoS 1 promise: a PUBACKed message
 * queued for an offline persistent session survives {@code kill -9} (see VERSIONS.md).
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final String ACCEPTOR = "mqtt";
  /** Below this much free space on the data dir's disk Artemis blocks publishers (and logs a WARN). */
  private static final long MIN_DISK_FREE_BYTES = 512L * 1024 * 1024;
  /** Messages held in heap across all addresses before Artemis pages them to disk. */
  private static final long GLOBAL_MAX_SIZE_BYTES = 64L * 1024 * 1024;

  private static final long DRAIN_MILLIS = 2_000;

  private final BrokerSettings settings;
  private final ActiveMQServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedBroker(BrokerSettings settings, ActiveMQServer server) {
    this.settings = settings;
    this.server = server;
  }

  /**
   * Starts the broker and returns once it accepts MQTT connections.
   *
   * @throws IllegalStateException if the port is taken or the broker cannot start
   */
  public static EmbeddedBroker start(BrokerSettings settings) {
    quietArtemisLogging();
    ensurePortFree(settings);
    long t0 = System.nanoTime();
    ActiveMQServer server = new ActiveMQServerImpl(configuration(settings));
    try {
      server.start();
      if (!server.waitForActivation(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("embedded MQTT broker did not become active within 30 s");
      }
      if (!acceptorStarted(server)) {
        // Lost a race for the port after the check above: Artemis only logs a failed bind.
        throw portInUse(settings);
      }
    } catch (Exception e) {
      stopQuietly(server);
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("embedded MQTT broker failed to start: " + e.getMessage(), e);
    }
    log.info(
        "embedded MQTT broker listening on {} (data in {}, started in {} ms)",
        settings.url(),
        brokerDir(settings),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    return new EmbeddedBroker(settings, server);
  }

  public String url() {
    return settings.url();
  }

  public BrokerSettings settings() {
    return settings;
  }

  /** Stops the broker; the journal is closed cleanly. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      drainClients();
      stopQuietly(server);
      log.info("embedded MQTT broker on {} stopped", settings.url());
    }
  }

  /**
   * A client that just disconnected is still cleaning up its session on Artemis' threads; stopping
   * the journal under it logs ERROR AMQ834001 or WARN AMQ222153. So: stop accepting, wait until
   * Artemis has forgotten every client (it does that last) and its thread pool is idle, within 2 s.
   */
  private void drainClients() {
    try {
      server.getRemotingService().pauseAcceptors();
      MQTTStateManager mqtt = MQTTStateManager.getInstance(server);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
      while ((server.getConnectionCount() > 0 || !mqtt.getConnectedClients().isEmpty() || busy())
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.debug("could not drain MQTT clients before stopping", e);
    }
  }

  private boolean busy() {
    return server.getThreadPool() instanceof ThreadPoolExecutor pool
        && (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty());
  }

  static Configuration configuration(BrokerSettings settings) {
    Path dir = brokerDir(settings);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create embedded broker data dir " + dir + ": " + e, e);
    }
    ConfigurationImpl config = new ConfigurationImpl();
    config.setName("twinworks-embedded");
    config.setPersistenceEnabled(true);
    // ASYNCIO needs libaio (and its native lib); NIO works everywhere and passes the kill -9 test.
    config.setJournalType(JournalType.NIO);
    config.setJournalDirectory(dir.resolve("journal").toString());
    config.setBindingsDirectory(dir.resolve("bindings").toString());
    config.setPagingDirectory(dir.resolve("paging").toString());
    config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
    config.setNodeManagerLockDirectory(dir.toString());
    // A PUBACK is sent only after the message is fsynced: that is what lets it survive kill -9.
    config.setJournalSyncTransactional(true);
    config.setJournalSyncNonTransactional(true);
    config.setJournalDatasync(true);
    config.setLargeMessageSync(true);
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(false);
    // Artemis' default (max-disk-usage 90 %) blocks every publisher on a laptop whose disk is merely
    // 90 % full, and the only trace is a log line. An absolute floor stops the broker only when the
    // journal is really about to run out of space (writing on would fail the journal outright); the
    // WARN it logs then stays visible because we keep Artemis at WARN. -1 disables the percentage
    // rule, which min-disk-free overrides anyway.
    config.setMaxDiskUsage(-1);
    config.setMinDiskFree(MIN_DISK_FREE_BYTES);
    // The broker shares the heap with the twins: page to disk beyond 64 MB instead of half the heap.
    config.setGlobalMaxSize(GLOBAL_MAX_SIZE_BYTES);
    // Pinned (it is the default): HALT would take the whole Twinworks JVM down on a slow disk.
    config.setCriticalAnalyzerPolicy(CriticalAnalyzerPolicy.LOG);
    config.addAddressSetting("#", addressSettings());
    try {
      config.addAcceptorConfiguration(ACCEPTOR, acceptorUri(settings));
    } catch (Exception e) {
      throw new IllegalArgumentException("bad embedded broker address " + settings.url(), e);
    }
    return config;
  }

  /**
   * Messages for offline persistent sessions are kept without limit: paged to disk, never dropped.
   * MQTT redelivers a QoS 1 message until it is acknowledged, so no delivery limit either: Twinworks
   * dead-letters bad payloads itself. The DLQ/expiry addresses only keep Artemis from warning about
   * every new subscription queue.
   */
  private static AddressSettings addressSettings() {
    return new AddressSettings()
        .setMaxSizeBytes(-1)
        .setMaxSizeMessages(-1)
        .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
        .setAutoDeleteQueues(false)
        .setMaxDeliveryAttempts(-1)
        .setDeadLetterAddress(SimpleString.of("DLQ"))
        .setExpiryAddress(SimpleString.of("ExpiryQueue"));
  }

  private static String acceptorUri(BrokerSettings settings) {
    return settings.url()
        + "?protocols=MQTT;tcpNoDelay=true;useEpoll=false;useKQueue=false";
  }

  private static Path brokerDir(BrokerSettings settings) {
    return settings.dataDir().resolve("broker").toAbsolutePath();
  }

  private static boolean acceptorStarted(ActiveMQServer server) {
    RemotingService remoting = server.getRemotingService();
    Acceptor acceptor = remoting == null ? null : remoting.getAcceptor(ACCEPTOR);
    return acceptor != null && acceptor.isStarted();
  }

  /** Checked up front because Artemis only logs a failed bind and starts without the acceptor. */
  private static void ensurePortFree(BrokerSettings settings) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(settings.host(), settings.port()));
    } catch (BindException e) {
      // Also thrown for "Cannot assign requested address" (a host that is not ours).
      boolean inUse = String.valueOf(e.getMessage()).contains("in use");
      throw inUse ? portInUse(settings) : cannotListen(settings, e);
    } catch (IOException e) {
      throw cannotListen(settings, e);
    }
  }

  private static IllegalStateException cannotListen(BrokerSettings settings, IOException e) {
    return new IllegalStateException(
        "cannot listen for MQTT on " + settings.url() + ": " + e.getMessage(), e);
  }

  private static IllegalStateException portInUse(BrokerSettings settings) {
    return new IllegalStateException(
        "MQTT port "
            + settings.port()
            + " is in use: set twinworks.mqtt.embedded-broker.port / TWINWORKS_MQTT_PORT"
            + " or point twinworks.mqtt.url at your broker");
  }

  private static void stopQuietly(ActiveMQServer server) {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("embedded MQTT broker did not stop cleanly", e);
    }
  }

  /**
   * Artemis 2.44 logs through SLF4J, so it ends up in logback; its INFO lines (AMQ221000 ...) are
   * noise for a plant operator. Set WARN unless the logback configuration chose a level itself.
   */
  private static void quietArtemisLogging() {
    if (LoggerFactory.getLogger("org.apache.activemq") instanceof ch.qos.logback.classic.Logger artemis
        && artemis.getLevel() == null) {
      artemis.setLevel(Level.WARN);
    }
  }
}
