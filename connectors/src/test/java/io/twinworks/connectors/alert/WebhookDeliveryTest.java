package io.twinworks.connectors.alert;

import static io.twinworks.connectors.alert.Webhooks.await;
import static io.twinworks.connectors.alert.Webhooks.endpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.connectors.alert.DeliveryOutcome.Delivered;
import io.twinworks.connectors.alert.DeliveryOutcome.GaveUp;
import io.twinworks.connectors.alert.DeliveryOutcome.Rejected;
import io.twinworks.connectors.alert.WebhookReceiver.Received;
import io.twinworks.connectors.alert.WebhookReceiver.Reply;
import io.twinworks.testsupport.FreePorts;
import io.twinworks.twins.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final Alert alert = Alerts.complete();
  private WebhookPublisher publisher;

  @AfterEach
  void stop() {
    if (publisher != null) {
      publisher.close();
    }
    receiver.close();
  }

  private DeliveryOutcome deliver(String extra) throws Exception {
    publisher = Webhooks.publisher(endpoint("hook", receiver.url("/hook"), extra));
    return await(publisher.deliver("hook", 42, alert));
  }

  private List<Received> received() {
    return receiver.received("/hook");
  }

  @Test
  void postsTheAlertJsonWithEventDeliveryAndSignatureHeaders() throws Exception {
    assertEquals(new Delivered(200, 1), deliver("secret = s3cret"));
    Received request = received().get(0);
    assertEquals("POST", request.method());
    assertArrayEquals(AlertJson.bytes(alert), request.body());
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("alert", request.header("X-Twinworks-Event"));
    assertEquals("42", request.header("X-Twinworks-Delivery"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())),
        request.header("X-Twinworks-Signature"));
  }

  @Test
  void withoutSecretTheRequestIsNotSigned() throws Exception {
    assertEquals(new Delivered(200, 1), deliver(""));
    assertNull(received().get(0).header("X-Twinworks-Signature"));
  }

  @Test
  void retriesAfterTwo503sWithTheSameDeliveryAndBody() throws Exception {
    receiver.script("/hook", Reply.status(503), Reply.status(503));
    assertEquals(new Delivered(200, 3), deliver(""));
    assertEquals(List.of("42", "42", "42"), received().stream().map(r -> r.header("X-Twinworks-Delivery")).toList());
    assertTrue(received().stream().allMatch(r -> new String(r.body(), StandardCharsets.UTF_8)
        .equals(AlertJson.string(alert))));
  }

  @Test
  void honoursRetryAfterSeconds() throws Exception {
    receiver.script("/hook", Reply.status(503).withHeader("Retry-After", "1"));
    assertEquals(new Delivered(200, 2), deliver("max-backoff = 2s"));
    long gap = received().get(1).arrivedNanos() - received().get(0).arrivedNanos();
    // the backoff alone would wait 1 ms × (1 + 0.2 × 0.5) = 1.1 ms; Retry-After asks for 1 s
    assertTrue(gap >= Duration.ofSeconds(1).toNanos(), "retried after " + Duration.ofNanos(gap));
  }

  @Test
  void retryAfterIsCappedAtMaxBackoff() throws Exception {
    receiver.script("/hook", Reply.status(429).withHeader("Retry-After", "3600"));
    long start = System.nanoTime();
    assertEquals(new Delivered(200, 2), deliver(""));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos()); // waited max-backoff, 20 ms, not an hour
  }

  @Test
  void otherClientErrorsAreRejectedWithoutRetry() throws Exception {
    receiver.always("/hook", Reply.status(400).withBody("invalid\npayload"));
    assertEquals(new Rejected(400, "invalid payload", 1), deliver(""));
    assertEquals(1, received().size());
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    receiver.always("/hook", Reply.status(500).withBody("db down"));
    assertEquals(new GaveUp("HTTP 500: db down", 3), deliver("max-attempts = 3"));
    assertEquals(3, received().size());
  }

  @Test
  void connectionErrorsAreRetriedThenGivenUp() throws Exception {
    publisher = Webhooks.publisher(endpoint("closed", "http://127.0.0.1:" + FreePorts.find() + "/hook",
        "max-attempts = 2"));
    GaveUp outcome = assertInstanceOf(GaveUp.class, await(publisher.deliver("closed", 1, alert)));
    assertEquals(2, outcome.attempts());
    assertTrue(outcome.lastError().startsWith("ConnectException"), outcome.lastError());
  }

  @Test
  void aResponseSlowerThanTheTimeoutIsAFailedAttempt() throws Exception {
    receiver.always("/hook", Reply.status(200).after(3_000));
    assertEquals(new GaveUp("no complete response within PT0.2S", 1), deliver("timeout = 200ms, max-attempts = 1"));
  }
}
