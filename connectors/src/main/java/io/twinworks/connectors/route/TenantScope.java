package io.twinworks.connectors.route;

import io.twinworks.connectors.codec.UntrustedText;
import io.twinworks.twins.TwinId;

/**
 * Which tenant a message may write to. A topic under {@code tenants/<tenant>/} belongs to that tenant (the broker's ACL
 * lets only that tenant's devices publish there), and a route may be configured for one tenant; a message whose twin
 * id names another tenant is refused, so neither a device nor a route mistake writes into another tenant's twins.
 */
final class TenantScope {

  static final String NAMESPACE = "tenants/";

  private TenantScope() {}

  /** The tenant of a topic's namespace, {@code acme} for {@code tenants/acme/...}; null outside one. */
  static String ofTopic(String topic) {
    if (!topic.startsWith(NAMESPACE)) {
      return null;
    }
    int end = topic.indexOf('/', NAMESPACE.length());
    return topic.substring(NAMESPACE.length(), end < 0 ? topic.length() : end);
  }

  /**
   * Why the message may not write to twin {@code id}, or null when it may.
   *
   * @param routeTenant the route's configured tenant; empty when it has none
   */
  static String problem(String routeName, String routeTenant, String topicName, TwinId id) {
    String topicTenant = ofTopic(topicName);
    if (routeTenant.isEmpty() && (topicTenant == null || topicTenant.equals(id.tenant()))) {
      return null; // the usual message: nothing to put together
    }
    String topic = UntrustedText.shown(topicName);
    if (!routeTenant.isEmpty() && topicTenant != null && !topicTenant.equals(routeTenant)) {
      return "route '" + routeName + "' is for tenant '" + routeTenant + "' but topic '" + topic
          + "' is in the namespace of tenant '" + UntrustedText.shown(topicTenant) + "'";
    }
    if (topicTenant != null && !id.tenant().equals(topicTenant)) {
      return "topic '" + topic + "' is in the namespace of tenant '" + UntrustedText.shown(topicTenant)
          + "' but gives twin '" + id + "' of tenant '" + id.tenant() + "'";
    }
    if (!routeTenant.isEmpty() && !id.tenant().equals(routeTenant)) {
      return "route '" + routeName + "' is for tenant '" + routeTenant + "' but topic '" + topic + "' gives twin '"
          + id + "' of tenant '" + id.tenant() + "'";
    }
    return null;
  }
}
