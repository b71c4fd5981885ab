package io.twinworks.connectors.alert;

import static io.twinworks.connectors.alert.Webhooks.await;
import static io.twinworks.connectors.alert.Webhooks.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twinworks.connectors.alert.DeliveryOutcome.Delivered;
import io.twinworks.connectors.alert.DeliveryOutcome.Skipped;
import io.twinworks.twins.alert.Severity;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookFilterTest {

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private WebhookPublisher publisher;

  @BeforeEach
  void start() {
    publisher = Webhooks.publisher(endpoint("acme-warnings", receiver.url("/acme"), "tenant = acme, min-severity = warning")
        + endpoint("everything", receiver.url("/all"), ""));
  }

  @AfterEach
  void stop() {
    publisher.close();
    receiver.close();
  }

  private DeliveryOutcome outcome(String endpoint, String twinId, Severity severity, long seq) throws Exception {
    Map<String, CompletionStage<DeliveryOutcome>> outcomes = publisher.publish(seq, Alerts.fresh(twinId, severity));
    assertEquals(new Delivered(200, 1), await(outcomes.get("everything")));
    return await(outcomes.get(endpoint));
  }

  @Test
  void tenantAndMinimumSeverityChooseTheAlertsAnEndpointGets() throws Exception {
    assertEquals(new Skipped("severity info is below the endpoint's warning"),
        outcome("acme-warnings", "acme:p1:r1:pk7", Severity.INFO, 1));
    assertEquals(new Skipped("tenant 'default' is not the endpoint's 'acme'"),
        outcome("acme-warnings", "default:line1:cnc01", Severity.CRITICAL, 2));
    assertEquals(new Delivered(200, 1), outcome("acme-warnings", "acme:p1:r1:pk7", Severity.WARNING, 3));
    assertEquals(new Delivered(200, 1), outcome("acme-warnings", "acme:p1:r1:pk8", Severity.CRITICAL, 4));
    assertEquals(4, receiver.received("/all").size());
    assertEquals(2, receiver.received("/acme").size());
  }
}
