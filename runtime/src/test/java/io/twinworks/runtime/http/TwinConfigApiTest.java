package io.twinworks.runtime.http;

import static io.twinworks.runtime.http.ApiHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TwinConfigApiTest {

  private static final ApiHarness api = new ApiHarness("TwinConfigApiTest");
  private static final String VALID = """
      {"heartbeat-timeout":"PT1M","detectors":{"temperature":[{"type":"zscore","window":50,"k":4}]}}""";

  @BeforeAll
  static void twins() {
    api.register(TwinId.of("cfg:s1"), TwinKind.SENSOR);
    api.register(TwinId.of("cfg:s2"), TwinKind.SENSOR);
  }

  @AfterAll
  static void shutdown() {
    api.close();
  }

  @Test
  void aValidConfigurationIsStoredAndReadBack() {
    HttpResponse<String> put = api.put("/api/v1/twins/cfg:s1/config", VALID);
    assertEquals(200, put.statusCode(), put.body());
    assertEquals(json(VALID), json(put));
    HttpResponse<String> get = api.get("/api/v1/twins/cfg:s1/config");
    assertEquals(200, get.statusCode());
    assertEquals(json(VALID), json(get));
  }

  @Test
  void anInvalidConfigurationIs400NamingTheKeyAndChangesNothing() {
    assertEquals(200, api.put("/api/v1/twins/cfg:s2/config", VALID).statusCode());
    HttpResponse<String> tooSmall = api.put("/api/v1/twins/cfg:s2/config",
        "{\"detectors\":{\"temperature\":[{\"type\":\"zscore\",\"window\":2}]}}");
    assertEquals(400, tooSmall.statusCode(), tooSmall.body());
    assertTrue(json(tooSmall).get("message").asText().contains("detectors.temperature[0].window"), tooSmall.body());
    HttpResponse<String> unknownKey = api.put("/api/v1/twins/cfg:s2/config", "{\"heartbeat\":\"PT1M\"}");
    assertEquals(400, unknownKey.statusCode());
    assertTrue(json(unknownKey).get("message").asText().contains("'heartbeat'"), unknownKey.body());
    assertEquals(json(VALID), json(api.get("/api/v1/twins/cfg:s2/config")), "the refused ones changed nothing");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIs400() {
    for (String body : List.of("[1,2]", "not json", "42", "")) {
      HttpResponse<String> response = api.put("/api/v1/twins/cfg:s1/config", body);
      assertEquals(400, response.statusCode(), body);
      assertEquals("bad-request", json(response).get("error").asText(), body);
    }
  }

  @Test
  void anUnknownTwinIs404() {
    assertEquals(404, api.put("/api/v1/twins/cfg:nobody/config", VALID).statusCode());
    assertEquals(404, api.get("/api/v1/twins/cfg:nobody/config").statusCode());
  }
}
