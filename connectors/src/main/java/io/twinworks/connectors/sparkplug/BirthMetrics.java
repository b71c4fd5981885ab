package io.twinworks.connectors.sparkplug;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * The metrics a birth certificate (NBIRTH or DBIRTH) defined for the node or one device: aliases to names, and
 * each name's data type. Data messages name a metric, or give only its alias.
 */
final class BirthMetrics {

  static final BirthMetrics NONE = new BirthMetrics(Map.of(), Map.of());

  private final Map<Long, MetricDefinition> byAlias;
  private final Map<String, DataType> typeByName;

  private BirthMetrics(Map<Long, MetricDefinition> byAlias, Map<String, DataType> typeByName) {
    this.byAlias = byAlias;
    this.typeByName = typeByName;
  }

  static BirthMetrics of(List<Metric> metrics) {
    Map<Long, MetricDefinition> byAlias = new HashMap<>();
    Map<String, DataType> typeByName = new HashMap<>();
    for (Metric metric : metrics) {
      if (!metric.hasName()) {
        continue; // a birth must name every metric; one that does not defines nothing
      }
      DataType type = metric.hasDatatype() ? DataType.forNumber(metric.getDatatype()) : null;
      if (type != null) {
        typeByName.put(metric.getName(), type);
      }
      if (metric.hasAlias()) {
        byAlias.put(metric.getAlias(), new MetricDefinition(metric.getName(), type));
      }
    }
    return new BirthMetrics(Map.copyOf(byAlias), Map.copyOf(typeByName));
  }

  /**
   * The metric's name and type: by its name when it has one (its type from the metric, else from the birth),
   * else by its alias; empty when it has only an alias this birth did not define.
   */
  Optional<MetricDefinition> resolve(Metric metric) {
    if (metric.hasName()) {
      DataType own = metric.hasDatatype() ? DataType.forNumber(metric.getDatatype()) : null;
      return Optional.of(new MetricDefinition(metric.getName(), own != null ? own : typeByName.get(metric.getName())));
    }
    if (!metric.hasAlias()) {
      return Optional.empty();
    }
    MetricDefinition defined = byAlias.get(metric.getAlias());
    if (defined == null || !metric.hasDatatype()) {
      return Optional.ofNullable(defined);
    }
    DataType own = DataType.forNumber(metric.getDatatype());
    return Optional.of(own == null ? defined : new MetricDefinition(defined.name(), own));
  }
}
