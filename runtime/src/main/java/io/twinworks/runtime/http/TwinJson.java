package io.twinworks.runtime.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinworks.connectors.alert.AlertJson;
import io.twinworks.persistence.TwinEntry;
import io.twinworks.twins.SignalValue;
import io.twinworks.twins.TwinKind;
import io.twinworks.twins.TwinView;
import io.twinworks.twins.heartbeat.HealthStatus;
import io.twinworks.twins.oee.OeeWindow;
import io.twinworks.twins.time.ClockDriftEstimator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of twins in the HTTP API (DESIGN.md). */
final class TwinJson {

  private TwinJson() {}

  record Listed(String id, String kind, String tenant, Instant lastSeen) {
    static Listed of(TwinEntry entry) {
      return new Listed(entry.id().value(), entry.kind().id(), entry.tenant(), entry.lastSeen());
    }
  }

  record Page(List<Listed> items, String cursor) {}

  record Health(HealthStatus status, Instant lastSeen) {}

  record Counts(long readings, long duplicates, long late) {}

  /**
   * One twin: its health as the twin judges it, latest signals, open alerts, the current OEE window per bucket
   * (machines only, left out for other kinds) and the estimate of its source's clock against ours.
   */
  record Twin(String id, String kind, String tenant, Health health, Map<String, SignalValue> signals,
      List<ObjectNode> alerts, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, OeeWindow> oee,
      Map<String, Double> summary, Counts counts, ClockDriftEstimator.Estimate clock) {

    static Twin of(TwinView view) {
      return new Twin(view.id().value(), view.kind().id(), view.id().tenant(),
          new Health(view.health(), view.lastSeen()), view.signals(),
          view.alerts().stream().map(AlertJson::node).toList(),
          view.kind() == TwinKind.MACHINE ? view.oee() : null,
          view.summary(), new Counts(view.readings(), view.duplicates(), view.late()), view.clock());
    }
  }
}
