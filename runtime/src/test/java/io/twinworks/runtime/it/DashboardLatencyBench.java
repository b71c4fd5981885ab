package io.twinworks.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;

/**
 * Publish → pixel latency of the dashboard, measured in headless Chromium: opens one browser per twin on its page of
 * a running Twinworks under load, lets it warm up, clears the page's histogram ({@code window.twinworksLatency}:
 * for each rendered update, the time the frame was painted minus the reading's source time, which the publishers
 * set to their publish time), waits, and prints p50/p95/p99/max over all pages. A test-scope main (it needs
 * Selenium), run beside the load, e.g. {@code bin/twinworks demo --sensors 1000 --sensor-hz 10}:
 *
 * <pre>
 * java -cp runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/test.classpath) \
 *   io.twinworks.runtime.it.DashboardLatencyBench http://127.0.0.1:8080 60 default:TEMP-01 default:PRESS-01
 * </pre>
 */
public final class DashboardLatencyBench {

  private static final Duration WARMUP = Duration.ofSeconds(10);

  private DashboardLatencyBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DashboardLatencyBench <http-url> <seconds> <twin id>...");
      System.exit(2);
    }
    String url = args[0];
    long seconds = Long.parseLong(args[1]);
    List<Browser> browsers = new ArrayList<>();
    try {
      for (int i = 2; i < args.length; i++) {
        Browser browser = Browser.start(1280, 900);
        browsers.add(browser);
        browser.driver().get(url + "/#/twin/" + args[i]);
        browser.await(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#signals tbody tr")));
      }
      Thread.sleep(WARMUP.toMillis());
      browsers.forEach(b -> b.script("window.twinworksLatency.reset()"));
      System.out.printf("measuring %d pages for %d s…%n", browsers.size(), seconds);
      Thread.sleep(seconds * 1000);
      List<Double> samples = new ArrayList<>();
      List<Double> afterReceive = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      for (int i = 0; i < browsers.size(); i++) {
        JsonNode page = json.readTree(String.valueOf(browsers.get(i).script(
            "return JSON.stringify({s: window.twinworksLatency.samples, r: window.twinworksLatency.afterReceive})")));
        page.get("s").forEach(sample -> samples.add(sample.asDouble()));
        page.get("r").forEach(sample -> afterReceive.add(sample.asDouble()));
        browsers.get(i).screenshot("bench-" + args[i + 2].replace(':', '_'));
      }
      System.out.printf("updates rendered: %d over %d pages in %d s%n", samples.size(), browsers.size(), seconds);
      print("publish → pixel", samples);
      print("received → pixel", afterReceive);
    } finally {
      browsers.forEach(Browser::close);
    }
  }

  private static void print(String what, List<Double> samples) {
    samples.sort(Double::compare);
    System.out.printf("%s ms: p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n", what, percentile(samples, 50),
        percentile(samples, 95), percentile(samples, 99), percentile(samples, 100));
  }

  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
  }
}
