package io.twinworks.connectors.alert;

import static io.twinworks.connectors.alert.Webhooks.await;
import static io.twinworks.connectors.alert.Webhooks.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twinworks.connectors.alert.DeliveryOutcome.Delivered;
import io.twinworks.connectors.alert.WebhookReceiver.Reply;
import io.twinworks.twins.alert.Alert;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointQueueTest {

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

  @Test
  void aSlowEndpointDoesNotDelayAFastOne() throws Exception {
    receiver.always("/slow", Reply.status(200).after(1_500));
    publisher = Webhooks.publisher(endpoint("slow", receiver.url("/slow"), "")
        + endpoint("fast", receiver.url("/fast"), ""));
    Map<String, CompletionStage<DeliveryOutcome>> outcomes = publisher.publish(7, alert);
    assertEquals(List.of("slow", "fast"), List.copyOf(outcomes.keySet()));
    assertEquals(new Delivered(200, 1), await(outcomes.get("fast")));
    assertFalse(outcomes.get("slow").toCompletableFuture().isDone(), "the fast endpoint waited for the slow one");
    assertEquals(new Delivered(200, 1), await(outcomes.get("slow")));
  }

  @Test
  void oneEndpointGetsItsDeliveriesInOrderOneAtATime() throws Exception {
    receiver.script("/hook", Reply.status(503));
    publisher = Webhooks.publisher(endpoint("hook", receiver.url("/hook"), ""));
    List<CompletionStage<DeliveryOutcome>> outcomes =
        List.of(publisher.deliver("hook", 1, alert), publisher.deliver("hook", 2, alert), publisher.deliver("hook", 3, alert));
    for (CompletionStage<DeliveryOutcome> outcome : outcomes) {
      assertInstanceOf(Delivered.class, await(outcome));
    }
    // 1 failed once: 2 waited for its retry instead of overtaking it
    assertEquals(List.of("1", "1", "2", "3"),
        receiver.received("/hook").stream().map(r -> r.header("X-Twinworks-Delivery")).toList());
  }

  @Test
  void refusesMoreThanMaxPending() throws Exception {
    receiver.always("/hook", Reply.status(200).after(500));
    publisher = Webhooks.publisher(endpoint("hook", receiver.url("/hook"), "max-pending = 1"));
    CompletionStage<DeliveryOutcome> first = publisher.deliver("hook", 1, alert);
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> publisher.deliver("hook", 2, alert).toCompletableFuture().get());
    assertInstanceOf(RejectedExecutionException.class, refused.getCause());
    assertEquals(new Delivered(200, 1), await(first));
    assertEquals(new Delivered(200, 1), await(publisher.deliver("hook", 3, alert))); // room again at once
  }

  @Test
  void closeFailsWhatIsPendingAndLaterDeliveries() {
    receiver.always("/hook", Reply.status(200).after(2_000));
    publisher = Webhooks.publisher(endpoint("hook", receiver.url("/hook"), ""));
    CompletableFuture<DeliveryOutcome> pending = publisher.deliver("hook", 1, alert).toCompletableFuture();
    publisher.close();
    assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, pending::get).getCause());
    assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class,
        () -> publisher.deliver("hook", 2, alert).toCompletableFuture().get()).getCause());
  }

  @Test
  void unknownEndpointNameIsAnError() {
    publisher = Webhooks.publisher(endpoint("hook", receiver.url("/hook"), ""));
    assertEquals("no webhook endpoint is named 'other' (there are [hook])",
        assertThrows(IllegalArgumentException.class, () -> publisher.deliver("other", 1, alert)).getMessage());
  }
}
