package io.twinworks.testsupport;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * Eclipse Milo's OPC UA server on a free loopback port, for tests. Its namespace {@link #NAMESPACE_URI} has a folder
 * {@code Line1} with {@code Line1.Temp} (Double 21.5), {@code Line1.Count} (Int32 42), {@code Line1.Running}
 * (Boolean true), {@code Line1.Pressure} (Double 3.2, its status set with {@link #set}), {@code Line1.Name}
 * (String), {@code Line1.Ticker} (a Double counting up every 100 ms, from 1) and, when asked for, a folder
 * {@code Bench} of Doubles {@code Bench.0..n-1} all changed every bench period.
 *
 * <p>Endpoints at {@link #url()}: None, Basic256Sha256 Sign and SignAndEncrypt, Aes128_Sha256_RsaOaep
 * SignAndEncrypt; anonymous or {@link #USERNAME}/{@link #PASSWORD}. It trusts every client certificate; its own
 * certificate stays the same across {@link #stop()} and {@link #start()}, as do the ticker's count and the port.
 */
public final class OpcUaTestServer implements AutoCloseable {

  public static final String NAMESPACE_URI = "urn:twinworks:test";
  public static final String USERNAME = "operator";
  public static final String PASSWORD = "s3cret-pw";
  public static final Duration TICK = Duration.ofMillis(100);

  private final int port;
  private final int benchItems;
  private final Duration benchPeriod;
  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicLong benchRound = new AtomicLong();
  private OpcUaServer server;
  private TestNamespace namespace;
  private ScheduledExecutorService updates;

  private OpcUaTestServer(int benchItems, Duration benchPeriod) throws Exception {
    this.port = FreePorts.find();
    this.benchItems = benchItems;
    this.benchPeriod = benchPeriod;
    this.keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    this.certificate = new SelfSignedCertificateBuilder(keyPair)
        .setCommonName("Twinworks test server")
        .setApplicationUri("urn:twinworks:test-server")
        .addDnsName("localhost")
        .addIpAddress("127.0.0.1")
        .build();
  }

  /** A started server without bench variables. */
  public static OpcUaTestServer launch() throws Exception {
    return launch(0, Duration.ofSeconds(1));
  }

  /** A started server with {@code benchItems} variables {@code Bench.i} changed every {@code benchPeriod}. */
  public static OpcUaTestServer launch(int benchItems, Duration benchPeriod) throws Exception {
    OpcUaTestServer testServer = new OpcUaTestServer(benchItems, benchPeriod);
    testServer.startServer();
    return testServer;
  }

  public String url() {
    return "opc.tcp://127.0.0.1:" + port + "/twinworks";
  }

  /** The node id of one of the variables, e.g. {@code ns=2;s=Line1.Temp} for {@code nodeId("Line1.Temp")}. */
  public String nodeId(String name) {
    return "ns=" + namespaceIndex() + ";s=" + name;
  }

  public int namespaceIndex() {
    return namespace.getNamespaceIndex().intValue();
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The ticker's count so far (its current value). */
  public long ticks() {
    return ticks.get();
  }

  /** How many times the bench variables were changed so far (each time all of them). */
  public long benchRounds() {
    return benchRound.get();
  }

  /** Sets a variable's value and status, with the current time as source and server time. */
  public void set(String name, Object value, StatusCode status) {
    DateTime now = DateTime.now();
    namespace.variable(name).setValue(new DataValue(new Variant(value), status, now, now));
  }

  /** Starts the server again on the same port after {@link #stop()}. */
  public synchronized void start() throws Exception {
    if (server == null) {
      startServer();
    }
  }

  /** Stops the server as a restart of the device would: sessions and subscriptions are gone. */
  public synchronized void stop() throws Exception {
    if (server != null) {
      updates.shutdownNow();
      namespace.shutdown();
      server.shutdown().get(10, TimeUnit.SECONDS);
      server = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private synchronized void startServer() throws Exception {
    var group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(), new MemoryCertificateStore(),
        new RsaSha256CertificateFactory() {
          @Override
          protected KeyPair createRsaSha256KeyPair() {
            return keyPair;
          }

          @Override
          protected X509Certificate[] createRsaSha256CertificateChain(KeyPair pair) {
            return new X509Certificate[] {certificate};
          }
        },
        (chain, applicationUri, hostNames) -> { }); // trusts every client
    OpcUaServerConfig config = OpcUaServerConfig.builder()
        .setApplicationUri("urn:twinworks:test-server")
        .setApplicationName(LocalizedText.english("Twinworks test server"))
        .setProductUri("urn:twinworks:test-server")
        .setEndpoints(endpoints())
        .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
        .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
            new UsernameIdentityValidator(c -> USERNAME.equals(c.getUsername()) && PASSWORD.equals(c.getPassword()))))
        .setLimits(new FastLimits())
        .build();
    server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
        .build()));
    namespace = new TestNamespace(server, benchItems);
    namespace.startup();
    server.startup().get(10, TimeUnit.SECONDS);
    updates = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "opcua-test-server-updates");
      thread.setDaemon(true);
      return thread;
    });
    updates.scheduleAtFixedRate(() -> set("Line1.Ticker", (double) ticks.incrementAndGet(), StatusCode.GOOD),
        TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    if (benchItems > 0) {
      updates.scheduleAtFixedRate(this::changeBenchItems, benchPeriod.toNanos(), benchPeriod.toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  private void changeBenchItems() {
    long round = benchRound.incrementAndGet();
    for (int i = 0; i < benchItems; i++) {
      set("Bench." + i, (double) (round * 1000 + i), StatusCode.GOOD);
    }
  }

  private Set<EndpointConfig> endpoints() {
    EndpointConfig.Builder base = EndpointConfig.newBuilder()
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .setBindAddress("127.0.0.1")
        .setHostname("127.0.0.1")
        .setBindPort(port)
        .setPath("/twinworks")
        .setCertificate(certificate)
        .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
    for (SecurityPolicy policy : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep)) {
      for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
        endpoints.add(base.copy().setSecurityPolicy(policy).setSecurityMode(mode).build());
      }
    }
    return endpoints;
  }

  /** Lets clients sample every few milliseconds and publish every 10 ms (Milo's defaults: 100 ms and 10 ms). */
  private static final class FastLimits implements OpcUaServerConfigLimits {
    @Override
    public Double getMinSupportedSampleRate() {
      return 1.0;
    }

    @Override
    public Double getMinPublishingInterval() {
      return 10.0;
    }
  }

  /** The test variables; Milo samples them for monitored items through a {@link SubscriptionModel}. */
  private static final class TestNamespace extends ManagedNamespaceWithLifecycle {

    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();

    TestNamespace(OpcUaServer server, int benchItems) {
      super(server, NAMESPACE_URI);
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      getLifecycleManager().addStartupTask(() -> {
        UaFolderNode line = folder("Line1");
        line.addOrganizes(variable("Line1.Temp", "Temp", NodeIds.Double, 21.5));
        line.addOrganizes(variable("Line1.Count", "Count", NodeIds.Int32, 42));
        line.addOrganizes(variable("Line1.Running", "Running", NodeIds.Boolean, true));
        line.addOrganizes(variable("Line1.Pressure", "Pressure", NodeIds.Double, 3.2));
        line.addOrganizes(variable("Line1.Name", "Name", NodeIds.String, "cnc01"));
        line.addOrganizes(variable("Line1.Ticker", "Ticker", NodeIds.Double, 0.0));
        if (benchItems > 0) {
          UaFolderNode bench = folder("Bench");
          for (int i = 0; i < benchItems; i++) {
            bench.addOrganizes(variable("Bench." + i, "Item" + i, NodeIds.Double, 0.0));
          }
        }
      });
    }

    UaVariableNode variable(String id) {
      UaVariableNode node = variables.get(id);
      if (node == null) {
        throw new IllegalArgumentException("no test variable " + id);
      }
      return node;
    }

    private UaFolderNode folder(String name) {
      UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(name), newQualifiedName(name),
          LocalizedText.english(name));
      getNodeManager().addNode(folder);
      folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
          Reference.Direction.INVERSE));
      return folder;
    }

    private UaVariableNode variable(String id, String name, NodeId dataType, Object value) {
      UaVariableNode node = UaVariableNode.builder(getNodeContext())
          .setNodeId(newNodeId(id))
          .setBrowseName(newQualifiedName(name))
          .setDisplayName(LocalizedText.english(name))
          .setDataType(dataType)
          .setTypeDefinition(NodeIds.BaseDataVariableType)
          .setAccessLevel(AccessLevel.READ_WRITE)
          .setUserAccessLevel(AccessLevel.READ_WRITE)
          .setMinimumSamplingInterval(0.0)
          .setValue(new DataValue(new Variant(value), StatusCode.GOOD, DateTime.now(), DateTime.now()))
          .build();
      getNodeManager().addNode(node);
      variables.put(id, node);
      return node;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
      subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
      subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
      subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
      subscriptions.onMonitoringModeChanged(items);
    }
  }
}
