package io.twinworks.runtime.clusterconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinworks.runtime.metrics.TwinworksMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster-config/grafana/twinworks-dashboard.json} only queries metrics the runtime exports, so renaming a
 * metric breaks this test rather than a panel nobody looks at until an incident.
 */
class GrafanaDashboardTest {

  /**
   * Metrics registered after {@link TwinworksMetrics}'s constructor, which a fresh registry cannot show: the MQTT
   * gauge where the runtime starts its source, the alert delivery gauges with the channels (a scrape leaves a
   * labelled gauge out until it has a series), and the per-node cluster gauges agreed for issue 7.
   */
  private static final Set<String> REGISTERED_AT_START = Set.of("twinworks_mqtt_connected",
      "twinworks_alert_delivery_lag", "twinworks_alert_delivery_delivered", "twinworks_alert_delivery_dropped",
      "twinworks_cluster_members", "twinworks_cluster_shards", "twinworks_cluster_twins");
  /** A metric name of ours or of the JVM and process collectors; PromQL functions and labels do not look like it. */
  private static final Pattern METRIC = Pattern.compile("\\b(?:twinworks|jvm|process)_[a-zA-Z0-9_]+");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)");

  private final JsonNode dashboard = read();

  @Test
  void everyQueriedMetricIsOneTheRuntimeExports() {
    Set<String> exported = exported();
    Set<String> unknown = new TreeSet<>(queried());
    unknown.removeAll(exported);

    assertTrue(unknown.isEmpty(), "the dashboard queries metrics the runtime does not export: " + unknown);
  }

  @Test
  void itShowsPerNodeWhatTheClusterIssueAsksFor() {
    assertTrue(queried().containsAll(Set.of("twinworks_cluster_members", "twinworks_cluster_shards",
        "twinworks_cluster_twins", "twinworks_ingest_messages_total", "twinworks_persist_latency_seconds_bucket",
        "twinworks_alert_latency_seconds_bucket",
        "twinworks_dead_letters_total", "twinworks_mqtt_connected")), queried().toString());
    // Every query is filtered by the node picker, so each panel can show one node or all.
    for (String expr : expressions()) {
      assertTrue(expr.contains("instance=~\"$instance\""), expr);
    }
  }

  @Test
  void panelsHaveUniqueIdsAndFitTheGrid() {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
      JsonNode grid = panel.path("gridPos");
      assertTrue(grid.path("x").asInt() + grid.path("w").asInt() <= 24, panel.path("title") + " is wider than 24");
      if (!"row".equals(panel.path("type").asText())) {
        assertTrue(panel.path("targets").size() > 0, panel.path("title") + " has no query");
      }
    }
    assertEquals("twinworks-cluster", dashboard.path("uid").asText());
  }

  /** The metric names in every panel query and template variable query. */
  private Set<String> queried() {
    List<String> queries = new ArrayList<>(expressions());
    dashboard.path("templating").path("list").forEach(variable -> queries.add(variable.path("definition").asText()));
    Set<String> names = new TreeSet<>();
    for (String query : queries) {
      Matcher metric = METRIC.matcher(QUOTED.matcher(query).replaceAll("\"\""));
      while (metric.find()) {
        names.add(metric.group());
      }
    }
    return names;
  }

  private List<String> expressions() {
    List<String> expressions = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> panel.path("targets")
        .forEach(target -> expressions.add(target.path("expr").asText())));
    assertTrue(expressions.size() > 10, "expected the dashboard's queries, found " + expressions);
    return expressions;
  }

  /** Every sample name a fresh registry writes (counters with _total, histograms with _bucket/_sum/_count). */
  private static Set<String> exported() {
    Set<String> names = new HashSet<>(REGISTERED_AT_START);
    new TwinworksMetrics().scrape().lines().filter(line -> !line.startsWith("#")).forEach(line -> {
      Matcher name = SAMPLE_NAME.matcher(line);
      if (name.find()) {
        names.add(name.group(1));
      }
    });
    return names;
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(ClusterConfigDir.resolve("grafana/twinworks-dashboard.json").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
