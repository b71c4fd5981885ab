package io.twinworks.runtime.http;

import io.twinworks.connectors.route.TopicRoute;
import io.twinworks.connectors.route.TopicRoutes;
import io.twinworks.connectors.sparkplug.MessageType;
import io.twinworks.connectors.sparkplug.SparkplugTopic;
import io.twinworks.twins.TwinId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant a dead letter belongs to, told by its source topic as ingestion would have routed it: the first
 * configured route whose pattern matches renders the twin id, whose first segment is the tenant
 * ({@code tenants/acme/...} is acme's, {@code factory/...} is default's); a Sparkplug topic belongs to its group.
 * A topic no route gives a valid twin id for (no route, a bad level) has no tenant: only an admin sees it.
 */
public final class DeadLetterTenants {

  private final List<TopicRoute> routes;

  public DeadLetterTenants(TopicRoutes routes) {
    this.routes = routes.routes();
  }

  public Optional<String> tenantOf(String source) {
    if (SparkplugTopic.isSparkplug(source)) {
      return sparkplugGroup(source);
    }
    for (TopicRoute route : routes) {
      Optional<Map<String, String>> variables = route.topic().match(source);
      if (variables.isPresent()) {
        return twinId(() -> route.twinId().render(variables.get())).map(TwinId::tenant);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sparkplugGroup(String topic) {
    try {
      SparkplugTopic parsed = SparkplugTopic.parse(topic);
      return parsed.type() == MessageType.STATE ? Optional.empty()
          : twinId(() -> parsed.edgeNode().group() + ":" + parsed.edgeNode().node()).map(TwinId::tenant);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<TwinId> twinId(java.util.function.Supplier<String> rendered) {
    try {
      String id = rendered.get();
      return TwinId.isValid(id) ? Optional.of(TwinId.of(id)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
