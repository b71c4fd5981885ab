package io.twinworks.runtime.clusterconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.twinworks.persistence.cassandra.CassandraSettings;
import io.twinworks.runtime.config.ConfigLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests under {@code cluster-config/kubernetes/} parse, and agree with each other and with the runtime:
 * probes on the management port, RBAC for pod discovery, selectors that pick the pods, a grace period longer than
 * the coordinated shutdown can take, the schema job configured as the nodes are, the same keyspace replication as
 * {@code cluster-config/cassandra/keyspace.cql}.
 */
class KubernetesManifestsTest {

  private static final Path DIR = ClusterConfigDir.resolve("kubernetes");
  private static final Path OVERLAY = DIR.resolve("twinworks-kubernetes.conf");

  private final Map<String, Object> kustomization = single(load(DIR.resolve("kustomization.yaml")));
  private final List<Map<String, Object>> resources = resources();

  @Test
  void kustomizationAppliesEveryManifestAndTheyHoldEachKindNeeded() throws IOException {
    Set<String> manifests;
    try (Stream<Path> files = Files.list(DIR)) {
      manifests = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(manifests, new TreeSet<>(strings(kustomization.get("resources"))));

    List<String> kinds = resources.stream().map(r -> (String) r.get("kind")).sorted().toList();
    assertEquals(List.of("ConfigMap", "Deployment", "Job", "Namespace", "PodDisruptionBudget", "Role", "RoleBinding",
        "Service", "Service", "ServiceAccount"), kinds);
  }

  @Test
  void probesAskTheManagementPortForAliveAndReady() {
    Map<String, Object> container = container();
    int managementPort = Integer.parseInt(env().get("TWINWORKS_MANAGEMENT_PORT"));
    Map<String, Integer> ports = maps(container.get("ports")).stream()
        .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("containerPort")));

    Map<String, String> probePaths = new java.util.TreeMap<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
      assertEquals(managementPort, ports.get((String) httpGet.get("port")), probe + " port");
      probePaths.put(probe, (String) httpGet.get("path"));
    }
    assertEquals(Map.of("livenessProbe", "/alive", "readinessProbe", "/ready", "startupProbe", "/alive"), probePaths);
    Map<String, Object> managementService = service("twinworks-management");
    assertEquals("None", map(managementService.get("spec")).get("clusterIP"));
    assertTrue(maps(map(managementService.get("spec")).get("ports")).stream()
        .anyMatch(p -> "management".equals(p.get("targetPort"))), "headless service exposes the management port");
  }

  @Test
  void podDiscoveryMayGetWatchAndListPods() {
    Map<String, Object> role = byKind("Role");
    Map<String, Object> rule = maps(role.get("rules")).stream()
        .filter(r -> strings(r.get("resources")).contains("pods")).findFirst().orElseThrow();
    assertTrue(strings(rule.get("verbs")).containsAll(List.of("get", "watch", "list")), rule.toString());
    assertEquals(List.of(""), strings(rule.get("apiGroups")), "pods are in the core API group");

    Map<String, Object> binding = byKind("RoleBinding");
    assertEquals(name(role), map(binding.get("roleRef")).get("name"));
    String serviceAccount = (String) podSpec().get("serviceAccountName");
    assertEquals(name(byKind("ServiceAccount")), serviceAccount);
    assertTrue(maps(binding.get("subjects")).stream()
        .anyMatch(s -> "ServiceAccount".equals(s.get("kind")) && serviceAccount.equals(s.get("name"))));
  }

  @Test
  void everySelectorPicksTheTwinworksPods() {
    Map<String, Object> deployment = byKind("Deployment");
    Map<String, Object> podLabels = map(map(map(spec(deployment).get("template")).get("metadata")).get("labels"));

    assertEquals(3, spec(deployment).get("replicas"));
    assertLabelsMatch(map(map(spec(deployment).get("selector")).get("matchLabels")), podLabels, "deployment");
    for (Map<String, Object> service : resources.stream().filter(r -> "Service".equals(r.get("kind"))).toList()) {
      assertLabelsMatch(map(spec(service).get("selector")), podLabels, name(service));
    }
    Map<String, Object> budget = byKind("PodDisruptionBudget");
    assertEquals(1, spec(budget).get("maxUnavailable"));
    assertLabelsMatch(map(map(spec(budget).get("selector")).get("matchLabels")), podLabels, "pod disruption budget");
    // Cluster Bootstrap finds the other nodes with this selector: it must pick the deployment's pods.
    assertLabelsMatch(labelSelector(env().get("TWINWORKS_CLUSTER_POD_LABEL_SELECTOR")), podLabels, "configmap");
    assertLabelsMatch(labelSelector(overlay().getString("twinworks.cluster.kubernetes.pod-label-selector")),
        podLabels, "overlay");
  }

  @Test
  void theNodesAndTheSchemaJobReadTheOverlayAndTheSiteSettings() {
    Map<String, Object> generated = maps(kustomization.get("configMapGenerator")).get(0);
    String file = strings(generated.get("files")).get(0);
    assertEquals("twinworks-kubernetes.conf", file.substring(file.indexOf('=') + 1));
    String key = file.substring(0, file.indexOf('='));
    Map<String, Object> job = byKind("Job");
    Map<String, Object> jobPod = map(map(spec(job).get("template")).get("spec"));

    assertEquals(List.of("run", "--config", configPath(podSpec(), (String) generated.get("name"), key)),
        strings(container().get("args")));
    assertEquals(List.of("schema", "apply", "--config", configPath(jobPod, (String) generated.get("name"), key)),
        strings(maps(jobPod.get("containers")).get(0).get("args")));
    assertEquals(container().get("image"), maps(jobPod.get("containers")).get(0).get("image"));
    for (Map<String, Object> pod : List.of(podSpec(), jobPod)) {
      assertEquals(name(byKind("ConfigMap")),
          map(maps(maps(pod.get("containers")).get(0).get("envFrom")).get(0).get("configMapRef")).get("name"));
    }
  }

  @Test
  void theLogConfigurationThePodsNameIsInTheImage() {
    Matcher file = Pattern.compile("-Dlogback.configurationFile=/app/resources/(\\S+)")
        .matcher(env().get("JAVA_TOOL_OPTIONS"));
    assertTrue(file.find(), env().get("JAVA_TOOL_OPTIONS"));
    // Jib puts src/main/resources under /app/resources.
    assertTrue(Files.isRegularFile(ClusterConfigDir.resolve("../runtime/src/main/resources").resolve(file.group(1))),
        file.group(1));
  }

  /** Where the container of {@code pod} finds {@code key} of the config map {@code configMap}. */
  private static String configPath(Map<String, Object> pod, String configMap, String key) {
    Map<String, Object> volume = maps(pod.get("volumes")).stream()
        .filter(v -> v.containsKey("configMap") && configMap.equals(map(v.get("configMap")).get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no volume of config map " + configMap));
    Map<String, Object> mount = maps(maps(pod.get("containers")).get(0).get("volumeMounts")).stream()
        .filter(m -> volume.get("name").equals(m.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("volume " + volume.get("name") + " is not mounted"));
    return mount.get("mountPath") + "/" + key;
  }

  /** The API is bound to the pod's network, so security is on, with the tokens of a Secret the pods mount. */
  @Test
  void theApiAsksForTokensWhoseHashesComeFromTheMountedSecret() throws IOException {
    Config config = overlay();
    assertEquals("0.0.0.0", config.getString("twinworks.http.host"));
    assertTrue(config.getBoolean("twinworks.security.enabled"));
    Matcher include = Pattern.compile("include file\\(\"([^\"]+)\"\\)").matcher(Files.readString(OVERLAY));
    assertTrue(include.find(), "the overlay includes the tokens file");
    Map<String, Object> pod = podSpec();
    Map<String, Object> volume = maps(pod.get("volumes")).stream()
        .filter(v -> v.containsKey("secret") && "twinworks-api-tokens".equals(map(v.get("secret")).get("secretName")))
        .findFirst().orElseThrow(() -> new AssertionError("no volume of the Secret twinworks-api-tokens"));
    String mountPath = maps(maps(pod.get("containers")).get(0).get("volumeMounts")).stream()
        .filter(m -> volume.get("name").equals(m.get("name"))).map(m -> (String) m.get("mountPath")).findFirst()
        .orElseThrow(() -> new AssertionError("the tokens volume is not mounted"));
    assertEquals(mountPath + "/tokens.conf", include.group(1));
  }

  @Test
  void theGracePeriodOutlastsTheLongestCoordinatedShutdown() {
    Config pekko = overlay().getConfig("pekko.coordinated-shutdown");
    Duration phaseDefault = pekko.getDuration("default-phase-timeout");
    Duration longest = pekko.getConfig("phases").root().keySet().stream()
        .map(phase -> pekko.getConfig("phases." + phase))
        .filter(phase -> !phase.hasPath("enabled") || phase.getBoolean("enabled"))
        .map(phase -> phase.hasPath("timeout") ? phase.getDuration("timeout") : phaseDefault)
        .reduce(Duration.ZERO, Duration::plus);
    int grace = (Integer) podSpec().get("terminationGracePeriodSeconds");
    assertTrue(grace > longest.toSeconds(),
        "terminationGracePeriodSeconds " + grace + " must outlast every shutdown phase timing out: " + longest);
  }

  @Test
  void theOverlayDiscoversThroughKubernetesAndReplicatesAsKeyspaceCqlDoes() throws IOException {
    Config config = overlay();
    assertEquals("kubernetes", config.getString("twinworks.cluster.discovery"));
    assertEquals("kubernetes", env().get("TWINWORKS_CLUSTER_DISCOVERY"));
    assertEquals("cassandra", config.getString("twinworks.store.profile"));

    String cql = Files.readString(ClusterConfigDir.resolve("cassandra/keyspace.cql"));
    Matcher keyspace = Pattern.compile("CREATE KEYSPACE IF NOT EXISTS (\\w+)\\s+WITH replication = (\\{[^}]*})")
        .matcher(cql);
    assertTrue(keyspace.find(), cql);
    CassandraSettings cassandra = CassandraSettings.create(config);
    assertEquals(cassandra.keyspace(), keyspace.group(1));
    assertEquals(cassandra.replication().cql(), keyspace.group(2));
    assertEquals("{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}", keyspace.group(2));
    assertEquals("LOCAL_QUORUM", config.getString("datastax-java-driver.basic.request.consistency"));
  }

  private static Config overlay() {
    return ConfigLoader.load(Optional.of(OVERLAY));
  }

  private static void assertLabelsMatch(Map<String, Object> selector, Map<String, Object> labels, String what) {
    assertTrue(!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet()),
        what + " selects " + selector + " but the pods are labelled " + labels);
  }

  /** {@code app=twinworks,tier=x} as a map; only equality terms, which is what the manifests use. */
  private static Map<String, Object> labelSelector(String selector) {
    return Stream.of(selector.split(",")).map(term -> term.split("=", 2))
        .collect(Collectors.toMap(kv -> kv[0].trim(), kv -> kv[1].trim()));
  }

  private List<Map<String, Object>> resources() {
    List<Map<String, Object>> all = new ArrayList<>();
    strings(kustomization.get("resources")).forEach(file -> all.addAll(load(DIR.resolve(file))));
    return all;
  }

  private Map<String, String> env() {
    return map(byKind("ConfigMap").get("data")).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue()));
  }

  private Map<String, Object> podSpec() {
    return map(map(spec(byKind("Deployment")).get("template")).get("spec"));
  }

  private Map<String, Object> container() {
    return maps(podSpec().get("containers")).get(0);
  }

  private Map<String, Object> service(String name) {
    return resources.stream().filter(r -> "Service".equals(r.get("kind")) && name.equals(name(r))).findFirst()
        .orElseThrow(() -> new AssertionError("no service " + name));
  }

  private Map<String, Object> byKind(String kind) {
    List<Map<String, Object>> found = resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    assertEquals(1, found.size(), "resources of kind " + kind);
    return found.get(0);
  }

  private static String name(Map<String, Object> resource) {
    return (String) map(resource.get("metadata")).get("name");
  }

  private static Map<String, Object> spec(Map<String, Object> resource) {
    return map(resource.get("spec"));
  }

  /** Every document of a YAML file, each a mapping. */
  private static List<Map<String, Object>> load(Path file) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : yaml.loadAll(reader)) {
        documents.add(map(document));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static Map<String, Object> single(List<Map<String, Object>> documents) {
    assertEquals(1, documents.size());
    return documents.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertTrue(node instanceof Map, "expected a mapping, got " + node);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object node) {
    assertTrue(node instanceof List, "expected a list, got " + node);
    return ((List<Object>) node).stream().map(KubernetesManifestsTest::map).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object node) {
    assertTrue(node instanceof List, "expected a list, got " + node);
    return (List<String>) node;
  }
}
