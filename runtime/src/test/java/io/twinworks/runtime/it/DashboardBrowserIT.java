package io.twinworks.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in headless Chromium against a real runtime fed over MQTT by {@code mosquitto_pub}: the tree shows
 * the twins, a published value appears on the twin page, a spike's alert appears in the feed and a click
 * acknowledges it. Screenshots in {@code target/screenshots/}.
 */
class DashboardBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SENSOR = "default:DASH-01";
  private static final String MACHINE = "default:line1:cnc01";
  private static final String PACK = "acme:p1:r1:pk1";

  @TempDir
  static Path dataDir;

  private static RuntimeProcess.Ports ports;
  private static RuntimeProcess runtime;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    ports = RuntimeProcess.Ports.free();
    runtime = RuntimeProcess.start(dataDir, ports, Map.of());
    publishSensor(21.5);
    MosquittoPub.publish(ports.mqtt(), "factory/line1/cnc01/telemetry",
        "{\"device_id\":\"cnc01\",\"readings\":{\"run_status\":1,\"cycle_count\":10,\"spindle_temperature\":48.2}}");
    for (int cell = 1; cell <= 4; cell++) {
      for (String metric : List.of("voltage", "temperature", "soc")) {
        double value = switch (metric) {
          case "voltage" -> 3.70 + cell * 0.01;
          case "temperature" -> 25 + cell;
          default -> 60 + cell;
        };
        MosquittoPub.publish(ports.mqtt(), "tenants/acme/plants/p1/racks/r1/packs/pk1/cells/0" + cell + "/" + metric,
            String.valueOf(value));
      }
    }
    Eventually.within(WAIT, () -> {
      JsonNode items = runtime.get("/api/v1/twins").json().get("items");
      assertEquals(3, items.size(), items.toString());
    });
    browser = Browser.start(1400, 1000);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void theTreeShowsTheTwinsGroupedByTenantAndPlant() throws Exception {
    open("/");
    for (String twin : List.of(SENSOR, MACHINE, PACK)) {
      browser.await(WAIT, d -> d.findElement(By.cssSelector("#tree a[data-twin='" + twin + "']")));
    }
    WebElement tenant = browser.driver().findElement(By.xpath("//ul[@id='tree']/li[div/span[text()='acme']]"));
    assertTrue(tenant.getText().contains("p1"), "the pack's plant is under its tenant: " + tenant.getText());
    browser.screenshot("tree");
  }

  @Test
  void aPublishedValueAppearsOnTheTwinPage() throws Exception {
    open("/#/twin/" + SENSOR);
    browser.await(WAIT, d -> d.findElement(By.cssSelector("#signals tr[data-signal='temperature'] .value")));
    // The live stream starts collecting within a second of a dashboard subscribing: publish until one shows.
    Eventually.within(WAIT, () -> {
      publishSensor(77.25);
      browser.await(Duration.ofSeconds(3), d -> "77.25".equals(temperatureCell()));
    });
    JsonNode latency = json(browser.script("return JSON.stringify(window.twinworksLatency.summary())"));
    assertTrue(latency.get("count").asInt() >= 1, "the page stamped the update: " + latency);
    browser.screenshot("twin-sensor");
  }

  @Test
  void aSpikesAlertAppearsInTheFeedAndIsAcknowledgedByAClick() throws Exception {
    RuntimeProcess.Answer configured = runtime.put("/api/v1/twins/" + SENSOR + "/config",
        "{\"detectors\":{\"temperature\":[{\"type\":\"threshold\",\"high\":90}]}}");
    assertEquals(200, configured.status(), configured.text());
    open("/");
    browser.await(WAIT, d -> d.findElement(By.id("feed")));
    publishSensor(120.0);
    WebElement button = browser.await(WAIT, d -> d.findElement(
        By.cssSelector("#feed li.critical button[data-ack^='" + SENSOR + "']")));
    String alertId = button.getAttribute("data-ack");
    browser.screenshot("feed-critical");
    button.click();
    browser.await(WAIT, d -> d.findElement(By.cssSelector("#feed li.acknowledged[data-alert='" + alertId + "']")));
    JsonNode acknowledged = runtime.get("/api/v1/alerts?twin=" + SENSOR + "&state=acknowledged").json();
    assertEquals(alertId, acknowledged.at("/items/0/id").asText(), acknowledged.toString());
  }

  @Test
  void aMachineShowsOeeGaugesAndAPackItsCellHeatMap() throws Exception {
    open("/#/twin/" + MACHINE);
    browser.await(WAIT, d -> d.findElements(By.cssSelector("#gauges [role='meter']")).size() == 4);
    browser.screenshot("twin-machine");
    open("/#/twin/" + PACK);
    browser.await(WAIT, d -> d.findElements(By.cssSelector("#heat .cell")).size() == 4);
    browser.screenshot("twin-pack");
  }

  private static void open(String path) {
    browser.driver().get("http://127.0.0.1:" + runtime.httpPort() + path);
  }

  private static String temperatureCell() {
    return browser.driver().findElement(By.cssSelector("#signals tr[data-signal='temperature'] .value")).getText();
  }

  private static void publishSensor(double temperature) throws Exception {
    MosquittoPub.publish(ports.mqtt(), "sensors/DASH-01/data",
        "{\"sensor_id\":\"DASH-01\",\"temperature\":" + temperature + ",\"timestamp\":" + System.currentTimeMillis() + "}");
  }

  private static JsonNode json(Object text) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(text));
  }
}
