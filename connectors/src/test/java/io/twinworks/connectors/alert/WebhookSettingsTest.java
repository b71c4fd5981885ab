package io.twinworks.connectors.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.twinworks.connectors.Backoff;
import io.twinworks.twins.alert.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  private static WebhookSettings settings(String hocon) {
    return WebhookSettings.create(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()));
  }

  private static String problem(String hocon) {
    return assertThrows(ConfigException.class, () -> settings(hocon)).getMessage();
  }

  @Test
  void noEndpointsByDefault() {
    assertTrue(settings("").isEmpty());
  }

  @Test
  void entryTakesDefaultsForWhatItLeavesOut() {
    WebhookEndpoint endpoint = settings("twinworks.alerts.webhooks = [{ url = \"https://hooks.example.com/a?t=1\" }]")
        .endpoints().get(0);
    assertEquals(new WebhookEndpoint("https://hooks.example.com", URI.create("https://hooks.example.com/a?t=1"), "", "",
        Severity.INFO, Duration.ofSeconds(10), 8, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2), 1000),
        endpoint);
  }

  @Test
  void entryOverridesDefaultsAndDefaultsCanBeChanged() {
    WebhookEndpoint endpoint = settings("""
        twinworks.alerts.webhook-defaults.max-attempts = 3
        twinworks.alerts.webhooks = [{
          name = cmms, url = "http://127.0.0.1:9000/hook", secret = s3cret, tenant = acme, min-severity = WARNING,
          timeout = 2s, min-backoff = 10ms, max-backoff = 1s, random-factor = 0, max-pending = 5
        }]""").endpoints().get(0);
    assertEquals(new WebhookEndpoint("cmms", URI.create("http://127.0.0.1:9000/hook"), "s3cret", "acme",
        Severity.WARNING, Duration.ofSeconds(2), 3, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), 0), 5),
        endpoint);
  }

  @Test
  void webhookUrlAddsOneMoreEndpoint() {
    List<WebhookEndpoint> endpoints = settings("""
        twinworks.alerts.webhooks = [{ name = first, url = "https://a.example.com/x" }]
        twinworks.alerts { webhook-url = "http://hooks.local:8081/alerts", webhook-secret = k }""").endpoints();
    assertEquals(List.of("first", "http://hooks.local:8081"), endpoints.stream().map(WebhookEndpoint::name).toList());
    assertEquals("k", endpoints.get(1).secret());
    assertEquals(8, endpoints.get(1).maxAttempts());
  }

  @Test
  void errorsNameTheEntryKeyOrTheDefaultTheValueCameFrom() {
    assertTrue(problem("twinworks.alerts.webhooks = [{ url = \"http://a\" }, { name = b }]")
        .startsWith("twinworks.alerts.webhooks[1].url: "));
    assertEquals("twinworks.alerts.webhooks[0].max-attempts: must be at least 1, was 0",
        problem("twinworks.alerts.webhooks = [{ url = \"http://a\", max-attempts = 0 }]"));
    assertEquals("twinworks.alerts.webhook-defaults.max-attempts: must be at least 1, was 0",
        problem("twinworks.alerts { webhook-defaults.max-attempts = 0, webhooks = [{ url = \"http://a\" }] }"));
    assertEquals("twinworks.alerts.webhooks[0].max-backoff: must not be less than min-backoff (PT1S), was PT0.5S",
        problem("twinworks.alerts.webhooks = [{ url = \"http://a\", max-backoff = 500ms }]"));
    assertEquals("twinworks.alerts.webhooks[0].min-severity: severity must be one of info, warning, critical, "
        + "was 'urgent'", problem("twinworks.alerts.webhooks = [{ url = \"http://a\", min-severity = urgent }]"));
    assertEquals("twinworks.alerts.webhooks[0].tenant: must be empty (every tenant) or a tenant id of letters, digits, "
        + "'.', '_', '-', was 'a:b'", problem("twinworks.alerts.webhooks = [{ url = \"http://a\", tenant = \"a:b\" }]"));
    assertEquals("twinworks.alerts.webhooks[0].retries: unknown key (expected max-attempts, max-backoff, max-pending, "
        + "min-backoff, min-severity, name, random-factor, secret, tenant, timeout, url)",
        problem("twinworks.alerts.webhooks = [{ url = \"http://a\", retries = 3 }]"));
    assertTrue(problem("twinworks.alerts.webhooks = [{ url = \"http://a\", timeout = soon }]")
        .startsWith("twinworks.alerts.webhooks[0].timeout: "));
  }

  @Test
  void urlMustBeHttpAndIsNotEchoed() {
    String problem = problem("twinworks.alerts.webhooks = [{ url = \"ftp://h/token-123\" }]");
    assertEquals("twinworks.alerts.webhooks[0].url: must be an absolute http:// or https:// URL with a host", problem);
    assertEquals("twinworks.alerts.webhook-url: must be an absolute http:// or https:// URL with a host",
        problem("twinworks.alerts.webhook-url = \"hooks.local/alerts\""));
  }

  @Test
  void namesMustBeUnique() {
    assertEquals("twinworks.alerts.webhooks[1].name: 'https://a.example.com' is already the name of "
        + "webhooks[0].name; give each endpoint its own name",
        problem("twinworks.alerts.webhooks = [{ url = \"https://a.example.com/x\" }, { url = \"https://a.example.com/y\" }]"));
  }

  @Test
  void secretIsNotPrinted() {
    String text = settings("twinworks.alerts.webhooks = [{ url = \"https://h.example.com/t0ken\", secret = s3cret }]")
        .endpoints().toString();
    assertFalse(text.contains("s3cret") || text.contains("t0ken"), text);
  }
}
