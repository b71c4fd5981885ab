package io.twinworks.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files from the jar, with their content types and caching. */
class DashboardAssetsTest {

  private static final ApiHarness api = new ApiHarness("DashboardAssetsTest");

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void theRootIsThePageRevalidatedOnEveryLoad() {
    HttpResponse<String> page = api.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(header(page, "content-type").startsWith("text/html"), header(page, "content-type"));
    assertEquals("no-cache", header(page, "cache-control"));
    assertTrue(page.body().contains("<script type=\"module\" src=\"/assets/js/app.js\">"));
  }

  @Test
  void assetsAreServedAsModulesAndStylesAndKeptForAWhile() {
    HttpResponse<String> script = api.get("/assets/js/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(header(script, "content-type").startsWith("application/javascript"), header(script, "content-type"));
    assertEquals("public, max-age=300", header(script, "cache-control"));
    assertTrue(api.get("/assets/vendor/uplot/uPlot.esm.js").body().contains("export { uPlot as default }"));
    assertTrue(header(api.get("/assets/app.css"), "content-type").startsWith("text/css"));
  }

  @Test
  void anUnknownAssetIsA404() {
    assertEquals(404, api.get("/assets/nothing-here.js").statusCode());
  }

  @Test
  void aPostToAPathNobodyServesStaysA404NotA405() {
    assertEquals(404, api.post("/nothing-here").statusCode());
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }
}
